import Foundation
import StandoffModel

extension JSONLines {
    // MARK: Export

    /// The document as one JSON line (no line break inside).
    public static func export(_ document: Document) -> (line: String, losses: Losses) {
        var losses = Losses()
        losses.countDropped(declarationsOf: document, by: Self.self)
        var spans: [Span] = []
        for annotation in document.sortedAnnotations() {
            losses.countDropped(in: annotation, by: Self.self)
            let links = Dictionary(grouping: annotation.links, by: \.role.name).mapValues { $0.map(\.target.description) }
            for (index, range) in annotation.ranges.enumerated() {
                spans.append(Span(
                    start: range.start, end: range.end, label: annotation.category?.rawValue ?? annotation.layer.name, layer: annotation.layer.name,
                    id: annotation.id.rawValue, part: annotation.ranges.count > 1 ? index : nil, parts: annotation.ranges.count > 1 ? annotation.ranges.count : nil,
                    text: document.text[range], links: links.isEmpty ? nil : links, notes: annotation.notes.isEmpty ? nil : annotation.notes,
                    features: annotation.features.isEmpty ? nil : annotation.features, correction: annotation.correction, severity: annotation.severity?.rawValue,
                    cue: annotation.cue.isEmpty ? nil : annotation.cue.map { [$0.start, $0.end] }, annotator: annotation.provenance.annotator?.rawValue,
                    cert: annotation.provenance.certainty?.rawValue, method: annotation.provenance.method?.rawValue,
                    time: annotation.provenance.time.map(ISOTimestamp.string(from:))))
            }
        }
        let registers = document.registers.flatMap { register in
            register.entries.map { Entry(id: $0.id.rawValue, kind: register.kind.rawValue, name: $0.name, aliases: $0.aliases.isEmpty ? nil : $0.aliases, wikidata: $0.wikidata) }
        }
        let taxonomies = document.taxonomies.map { taxonomy in
            TaxonomyEntry(id: taxonomy.id.rawValue, description: taxonomy.description,
                          categories: taxonomy.categories.map { CategoryEntry(id: $0.id.rawValue, description: $0.description.isEmpty ? nil : $0.description) })
        }
        let annotators = document.annotators.map { AnnotatorEntry(id: $0.id.rawValue, name: $0.name, role: $0.role == "annotation" ? nil : $0.role) }
        let line = Line(id: document.id.rawValue, title: document.title, lang: document.language, text: document.text.string, spans: spans,
                        registers: registers.isEmpty ? nil : registers, taxonomies: taxonomies.isEmpty ? nil : taxonomies,
                        annotators: annotators.isEmpty ? nil : annotators)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (String(decoding: (try? encoder.encode(line)) ?? Data("{}".utf8), as: UTF8.self), losses)
    }
}
