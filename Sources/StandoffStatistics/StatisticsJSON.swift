import Foundation

/// `stats --format json`: the summary's figures, structured for scripts, with the derived
/// ones (shares, medians, means) worked out. A share or a mean of nothing is absent, never NaN.
public struct StatisticsJSON: Encodable {
    struct Corpus: Encodable {
        var documents, paragraphs, codePoints, tokens, annotations, notRead: Int
        var annotators: [String: Int]
    }
    struct Spread: Encodable {
        var min: Int?, median: Double?, mean: Double?, max: Int?
        init(_ histogram: Histogram) {
            (min, median, mean, max) = (histogram.minimum, histogram.median, histogram.mean, histogram.maximum)
        }
    }
    struct Coverage: Encodable {
        var codePoints: Int, codePointShare: Double?, tokens: Int, tokenShare: Double?
    }
    struct Layer: Encodable {
        var annotations, discontinuous: Int
        var categories, annotators: [String: Int]
        var coverage: Coverage
        var lengthInCodePoints, lengthInTokens: Spread
    }
    struct Entry: Encodable { var id, name, kind: String; var mentions: Int }
    struct Entities: Encodable {
        var entries: [Entry]
        var distinctMentioned, withoutLink: Int
        var neverMentioned: [String]
    }
    struct Stance: Encodable { var holder, target, polarity: String; var stances: Int }
    struct Errors: Encodable {
        var byCategory, bySeverity: [String: Int]
        var perThousandTokens: Double?
    }

    var corpus: Corpus
    var layers: [String: Layer]
    var entities: Entities
    var quotations: QuotationSummary
    var stances: [Stance]
    var errors: Errors
    var documents: [DocumentRow]?

    public init(_ s: CorpusSummary, by breakdown: Breakdown) {
        func share(_ part: Int, _ whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) }
        corpus = Corpus(documents: s.documents, paragraphs: s.paragraphs, codePoints: s.codePoints, tokens: s.tokens,
                        annotations: s.layers.values.reduce(0) { $0 + $1.annotations }, notRead: s.notRead, annotators: s.annotators)
        layers = s.layers.mapValues { layer in
            Layer(annotations: layer.annotations, discontinuous: layer.discontinuous, categories: layer.categories, annotators: layer.annotators,
                  coverage: Coverage(codePoints: layer.coveredCodePoints, codePointShare: share(layer.coveredCodePoints, s.codePoints),
                                     tokens: layer.coveredTokens, tokenShare: share(layer.coveredTokens, s.tokens)),
                  lengthInCodePoints: Spread(layer.lengthInCodePoints), lengthInTokens: Spread(layer.lengthInTokens))
        }
        let entries = s.entities.entries.sorted { $0.key < $1.key }
        entities = Entities(entries: entries.map { Entry(id: $0.key, name: $0.value.name, kind: $0.value.kind, mentions: $0.value.mentions) },
                            distinctMentioned: entries.filter { $0.value.mentions > 0 }.count, withoutLink: s.entities.withoutLink,
                            neverMentioned: entries.filter { $0.value.mentions == 0 }.map(\.key))
        quotations = s.quotations
        stances = s.stances.rows.map { Stance(holder: $0.holder, target: $0.target, polarity: $0.polarity, stances: $0.count) }
        let errorCount = s.errors.byCategory.values.reduce(0, +)
        errors = Errors(byCategory: s.errors.byCategory, bySeverity: s.errors.bySeverity,
                        perThousandTokens: s.tokens == 0 ? nil : Double(errorCount) * 1000 / Double(s.tokens))
        documents = breakdown == .document ? s.perDocument : nil
    }

    /// Pretty, key-sorted JSON.
    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("null".utf8), as: UTF8.self)
    }
}

extension CorpusSummary {
    /// The summary as `stats --partial` writes it.
    public func partialJSON() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("null".utf8), as: UTF8.self)
    }

    /// A summary `stats --partial` wrote, checked: its format, and no negative count.
    public static func partial(from data: Data, file: String) throws -> CorpusSummary {
        let summary: CorpusSummary
        do { summary = try JSONDecoder().decode(CorpusSummary.self, from: data) } catch {
            if let format = try? JSONDecoder().decode(FormatOnly.self, from: data).format, format != CorpusSummary.currentFormat {
                throw PartialError(file: file, reason: "has format '\(format)'; this standoff reads '\(CorpusSummary.currentFormat)' (run `standoff stats --partial` on its files again)")
            }
            throw PartialError(file: file, reason: "is not a partial summary written by `standoff stats --partial` (\(Self.describe(error)))")
        }
        guard summary.format == CorpusSummary.currentFormat else {
            throw PartialError(file: file, reason: "has format '\(summary.format)'; this standoff reads '\(CorpusSummary.currentFormat)' (run `standoff stats --partial` on its files again)")
        }
        do throws(PartialCheck.Failure) { try PartialCheck.check(summary) } catch {
            throw PartialError(file: file, reason: "is not consistent: \(error.reason); it was changed after `standoff stats --partial` wrote it")
        }
        return summary
    }

    private struct FormatOnly: Decodable { var format: String }

    private static func describe(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error { return context.debugDescription }
        if case DecodingError.keyNotFound(let key, _) = error { return "no '\(key.stringValue)'" }
        if case DecodingError.typeMismatch(_, let context) = error { return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))" }
        return "\(error)"
    }
}

/// A partial summary that cannot be merged.
public struct PartialError: Error, CustomStringConvertible {
    public var file: String
    public var reason: String
    public var description: String { "\(file) \(reason)" }
}
