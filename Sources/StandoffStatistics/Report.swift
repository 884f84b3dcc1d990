import Foundation
import StandoffFormats

/// Which breakdown `stats` prints: everything by layer (the default), or one row per
/// document, per category or per annotator.
public enum Breakdown: String, CaseIterable, Sendable {
    case layer, document, category, annotator
}

/// A summary laid out for reading: sections of rows, rendered as an aligned table, Markdown or
/// CSV; JSON comes from ``StatisticsJSON`` instead, structured for scripts.
public struct Report: Sendable {
    public typealias Section = ReportSection

    public var sections: [Section]

    public init(_ summary: CorpusSummary, by breakdown: Breakdown) {
        var sections = [Self.corpus(summary)]
        switch breakdown {
        case .layer:
            sections += [Self.layers(summary), Self.categories(summary), Self.annotators(summary)]
            sections += Self.layerSpecific(summary)
        case .document: sections.append(Self.documents(summary))
        case .category: sections.append(Self.categories(summary))
        case .annotator: sections.append(Self.annotators(summary))
        }
        self.sections = sections
    }

    // MARK: Sections

    static func corpus(_ s: CorpusSummary) -> Section {
        let annotations = s.layers.values.reduce(0) { $0 + $1.annotations }
        return Section(title: "corpus", columns: ["documents", "paragraphs", "code points", "tokens", "annotators", "annotations"],
                       rows: [[s.documents, s.paragraphs, s.codePoints, s.tokens, s.annotatorCount, annotations].map(String.init)],
                       notes: s.notRead == 0 ? [] : ["not read, so not counted: \(s.notRead) annotations, spans or links in TEI stand-off forms Standoff does not read (`standoff validate` names them)"])
    }

    static func layers(_ s: CorpusSummary) -> Section {
        let rows = s.layers.sorted { $0.key < $1.key }.map { name, layer -> [String] in
            [name, String(layer.annotations), String(layer.discontinuous),
             "\(layer.coveredCodePoints) (\(percent(layer.coveredCodePoints, of: s.codePoints)))",
             "\(layer.coveredTokens) (\(percent(layer.coveredTokens, of: s.tokens)))",
             lengths(layer.lengthInCodePoints), lengths(layer.lengthInTokens)]
        }
        return Section(title: "layers", columns: ["layer", "annotations", "discontinuous", "code points covered", "tokens covered",
                                                  "length in code points (min/median/mean/max)", "length in tokens (min/median/mean/max)"],
                       rows: rows)
    }

    static func categories(_ s: CorpusSummary) -> Section {
        var rows: [[String]] = []
        for (name, layer) in s.layers.sorted(by: { $0.key < $1.key }) {
            for (category, count) in sortedByCount(layer.categories) {
                rows.append([name, category, String(count), percent(count, of: layer.annotations)])
            }
        }
        return Section(title: "categories", columns: ["layer", "category", "annotations", "share of the layer"], rows: rows)
    }

    static func annotators(_ s: CorpusSummary) -> Section {
        var rows: [[String]] = []
        for (name, layer) in s.layers.sorted(by: { $0.key < $1.key }) {
            for (annotator, count) in sortedByCount(layer.annotators) { rows.append([annotator, name, String(count)]) }
        }
        rows.sort { ($0[0], $0[1]) < ($1[0], $1[1]) }
        return Section(title: "annotators", columns: ["annotator", "layer", "annotations"], rows: rows)
    }

    static func layerSpecific(_ s: CorpusSummary) -> [Section] {
        var sections: [Section] = []
        let entries = s.entities.entries.sorted { ($1.value.mentions, $0.key) < ($0.value.mentions, $1.key) }
        var entities = Section(title: "entities by register entry", columns: ["entry", "name", "kind", "mentions"],
                               rows: entries.map { [$0.key, $0.value.name, $0.value.kind, String($0.value.mentions)] })
        let never = entries.filter { $0.value.mentions == 0 }.map(\.key).sorted()
        entities.notes = [
            "distinct entries mentioned: \(entries.filter { $0.value.mentions > 0 }.count)",
            "mentions without a register link: \(s.entities.withoutLink)",
            "entries never mentioned: \(never.count)\(never.isEmpty ? "" : " (" + never.joined(separator: ", ") + ")")",
        ]
        sections.append(entities)
        sections.append(Section(title: "quotations by speaker", columns: ["speaker", "quotations"],
                                rows: sortedByCount(s.quotations.bySpeaker).map { [$0.key, String($0.value)] }))
        sections.append(Section(title: "quotations by kind", columns: ["kind", "quotations"],
                                rows: sortedByCount(s.quotations.byKind).map { [$0.key, String($0.value)] }))
        sections.append(Section(title: "stances", columns: ["holder", "target", "polarity", "stances"],
                                rows: s.stances.rows.map { [$0.holder, $0.target, $0.polarity, String($0.count)] }))
        let errors = s.errors.byCategory.values.reduce(0, +)
        var byCategory = Section(title: "errors by category", columns: ["category", "errors"],
                                 rows: sortedByCount(s.errors.byCategory).map { [$0.key, String($0.value)] })
        // A rate over no tokens is no rate: "-", as the JSON leaves it out.
        byCategory.notes = ["errors per 1,000 tokens: \(s.tokens == 0 ? "-" : String(format: "%.2f", Double(errors) * 1000 / Double(s.tokens)))"]
        sections.append(byCategory)
        sections.append(Section(title: "errors by severity", columns: ["severity", "errors"],
                                rows: sortedByCount(s.errors.bySeverity).map { [$0.key, String($0.value)] }))
        return sections
    }

    static func documents(_ s: CorpusSummary) -> Section {
        let layers = Set(s.perDocument.flatMap(\.annotations.keys)).sorted()
        return Section(title: "documents", columns: ["file", "document", "paragraphs", "code points", "tokens"] + layers,
                       rows: s.perDocument.map { row in
                           [row.file, row.id, String(row.paragraphs), String(row.codePoints), String(row.tokens)]
                               + layers.map { String(row.annotations[$0] ?? 0) }
                       })
    }

    // MARK: Figures

    static func sortedByCount(_ counts: [String: Int]) -> [(key: String, value: Int)] {
        counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
    }

    /// `42.5%`; `-` of nothing.
    static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "-" : String(format: "%.1f%%", Double(part) * 100 / Double(whole))
    }

    /// `1/2/2.50/7`; `-` for no values.
    static func lengths(_ histogram: Histogram) -> String {
        guard let minimum = histogram.minimum, let maximum = histogram.maximum, let median = histogram.median, let mean = histogram.mean else { return "-" }
        return "\(minimum)/\(number(median))/\(String(format: "%.2f", mean))/\(maximum)"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    // MARK: Rendering

    public func table() -> String { ReportSection.table(sections) }
    public func markdown() -> String { ReportSection.markdown(sections) }
    public func csv() -> String { ReportSection.csv(sections) }
}
