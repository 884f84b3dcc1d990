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
            spans += Self.spans(of: annotation, text: document.text)
        }
        let (registers, taxonomies, annotators) = declarations(of: document)
        let line = Line(id: document.id.rawValue, title: document.title, lang: document.language, text: document.text.string, spans: spans,
                        registers: registers, taxonomies: taxonomies, annotators: annotators)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (String(decoding: (try? encoder.encode(line)) ?? Data("{}".utf8), as: UTF8.self), losses)
    }

    /// An annotation's spans: one a range, numbered when there are several.
    static func spans(of annotation: Annotation, text: SourceText) -> [Span] {
        let links = Dictionary(grouping: annotation.links, by: \.role.name).mapValues { $0.map(\.target.description) }
        return annotation.ranges.enumerated().map { index, range in
            Span(
                start: range.start, end: range.end, label: annotation.category?.rawValue ?? annotation.layer.name, layer: annotation.layer.name,
                id: annotation.id.rawValue, part: annotation.ranges.count > 1 ? index : nil, parts: annotation.ranges.count > 1 ? annotation.ranges.count : nil,
                text: text[range], links: links.isEmpty ? nil : links, notes: annotation.notes.isEmpty ? nil : annotation.notes,
                features: annotation.features.isEmpty ? nil : annotation.features, correction: annotation.correction, severity: annotation.severity?.rawValue,
                cue: annotation.cue.isEmpty ? nil : annotation.cue.map { [$0.start, $0.end] }, annotator: annotation.provenance.annotator?.rawValue,
                cert: annotation.provenance.certainty?.rawValue, method: annotation.provenance.method?.rawValue,
                time: annotation.provenance.time.map(ISOTimestamp.string(from:)))
        }
    }

    /// The line's registers, taxonomies and annotators, each nil when there is none.
    static func declarations(of document: Document) -> (registers: [Entry]?, taxonomies: [TaxonomyEntry]?, annotators: [AnnotatorEntry]?) {
        let registers = document.registers.flatMap { register in
            register.entries.map { Entry(id: $0.id.rawValue, kind: register.kind.rawValue, name: $0.name, aliases: $0.aliases.isEmpty ? nil : $0.aliases, wikidata: $0.wikidata) }
        }
        let taxonomies = document.taxonomies.map { taxonomy in
            TaxonomyEntry(id: taxonomy.id.rawValue, description: taxonomy.description,
                          categories: taxonomy.categories.map { CategoryEntry(id: $0.id.rawValue, description: $0.description.isEmpty ? nil : $0.description) })
        }
        let annotators = document.annotators.map { AnnotatorEntry(id: $0.id.rawValue, name: $0.name, role: $0.role == "annotation" ? nil : $0.role) }
        return (registers.isEmpty ? nil : registers, taxonomies.isEmpty ? nil : taxonomies, annotators.isEmpty ? nil : annotators)
    }
}
