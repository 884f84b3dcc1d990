import StandoffModel
import StandoffTEI

/// Counts one document as the reader streams it: the declarations first (text, tokens,
/// registers), then each annotation as it comes. Keeps the counts and, per layer, the ranges
/// (to measure coverage once all have come); never the annotations themselves.
final class SummaryCollector: TEIAnnotationConsumer {
    let file: String
    private(set) var summary = CorpusSummary()
    private var tokens: Tokens?
    private var ranges: [String: [(start: Int32, end: Int32)]] = [:]
    private var row = DocumentRow(file: "", id: "", paragraphs: 0, codePoints: 0, tokens: 0, annotations: [:], sha256: "")

    init(file: String) { self.file = file }

    func begin(with declarations: Document, expecting count: Int) {
        summary = CorpusSummary()
        ranges = [:]
        let text = declarations.text
        let tokens = Tokens(text)
        self.tokens = tokens
        summary.documents = 1
        summary.paragraphs = text.paragraphs.count
        summary.codePoints = text.count
        summary.tokens = tokens.count
        for register in declarations.registers {
            for entry in register.entries {
                summary.entities.entries[entry.id.rawValue] = .init(name: entry.name, kind: register.kind.rawValue, mentions: 0)
            }
        }
        row = DocumentRow(file: file, id: declarations.id.rawValue, paragraphs: summary.paragraphs, codePoints: summary.codePoints,
                          tokens: summary.tokens, annotations: [:], sha256: text.sha256)
    }

    func consume(_ record: AnnotationRecord) {
        guard let tokens else { return }
        let annotation = record.annotation
        let layer = annotation.layer.name
        let annotator = annotation.provenance.annotator?.rawValue ?? "(none)"
        let category = annotation.category?.rawValue ?? "(none)"
        var length = 0
        var tokenLength = 0
        for range in annotation.ranges {
            length += range.length
            tokenLength += tokens.count(in: range)
            ranges[layer, default: []].append((Int32(range.start), Int32(range.end)))
        }
        summary.layers[layer, default: LayerSummary()].record(category: category, annotator: annotator, length: length,
                                                              tokens: tokenLength, discontinuous: annotation.ranges.count > 1)
        // "(none)" counted too, as in the layers' tables, so that the column sums to the annotations.
        summary.annotators[annotator, default: 0] += 1
        row.annotations[layer, default: 0] += 1
        switch annotation.layer {
        case .entity: countEntity(annotation)
        case .quotation:
            summary.quotations.bySpeaker[Self.name(annotation.links(.speaker).first), default: 0] += 1
            summary.quotations.byKind[category, default: 0] += 1
        case .stance:
            let holder = Self.name(annotation.links(.holder).first)
            let targets = annotation.links(.target)
            for target in targets.isEmpty ? [nil] : targets.map(Optional.some) {
                summary.stances.table["\(holder)|\(Self.name(target))|\(category)", default: 0] += 1
            }
        case .error:
            summary.errors.byCategory[category, default: 0] += 1
            summary.errors.bySeverity[annotation.severity?.rawValue ?? "(none)", default: 0] += 1
        default: break
        }
    }

    func end() {
        guard let tokens else { return }
        for (layer, spans) in ranges {
            let (codePoints, tokenCount) = Self.coverage(spans, tokens: tokens)
            summary.layers[layer]?.coveredCodePoints = codePoints
            summary.layers[layer]?.coveredTokens = tokenCount
        }
        summary.perDocument = [row]
        ranges = [:]
        self.tokens = nil
    }

    private func countEntity(_ annotation: Annotation) {
        let references = annotation.links(.ref)
        if references.isEmpty { summary.entities.withoutLink += 1 }
        for case .id(let id) in references {
            summary.entities.entries[id.rawValue, default: .init(name: "(not declared)", kind: "?", mentions: 0)].mentions += 1
        }
    }

    /// A link target as a table shows it.
    static func name(_ target: LinkTarget?) -> String {
        switch target {
        case .id(let id)?: id.rawValue
        case .unknown?: "unknown"
        case nil: "(none)"
        }
    }

    /// The code points and the tokens under the union of `spans`.
    static func coverage(_ spans: [(start: Int32, end: Int32)], tokens: Tokens) -> (codePoints: Int, tokens: Int) {
        let sorted = spans.sorted { $0.start < $1.start }
        var codePoints = 0
        var tokenCount = 0
        var current: (start: Int32, end: Int32)?
        var tokensCoveredUpTo = 0
        func close(_ span: (start: Int32, end: Int32)) {
            codePoints += Int(span.end - span.start)
            let first = max(tokens.firstIndex(endingAfter: Int(span.start)), tokensCoveredUpTo)
            let last = tokens.firstIndex(startingAtOrAfter: Int(span.end))
            if last > first { tokenCount += last - first; tokensCoveredUpTo = last }
        }
        for span in sorted {
            if let open = current, span.start <= open.end {
                current = (open.start, max(open.end, span.end))
            } else {
                if let open = current { close(open) }
                current = span
            }
        }
        if let open = current { close(open) }
        return (codePoints, tokenCount)
    }
}

extension LayerSummary {
    mutating func record(category: String, annotator: String, length: Int, tokens: Int, discontinuous: Bool) {
        annotations += 1
        if discontinuous { self.discontinuous += 1 }
        categories[category, default: 0] += 1
        annotators[annotator, default: 0] += 1
        lengthInCodePoints.add(length)
        lengthInTokens.add(tokens)
    }
}
