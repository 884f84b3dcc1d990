import Foundation
import StandoffFormats
import StandoffModel
import StandoffStatistics

/// The page of one document: its text with every span highlighted, each annotation's details,
/// the register with mention counts, quotations by speaker, stances, errors with their
/// corrections, and the document's `standoff stats` with charts.
struct DocumentPage {
    let document: Document
    let summary: CorpusSummary
    /// The link back to a corpus index, when the page is one of a corpus.
    let back: String?

    func render() throws(ReportError) -> String {
        let annotations = document.sortedAnnotations()
        let colours = Palette.assign(annotations)
        let layout = TextLayout(annotations, over: document.text)
        let view = AnnotationView(document: document, annotations: annotations, colours: colours)
        var context: [String: Any] = [
            "colours": Palette.css, "maxLanes": Self.laneClasses([layout]),
            "title": document.title.isEmpty ? document.id.rawValue : document.title,
            "subtitle": "\(document.id.rawValue) · \(document.text.paragraphs.count) paragraphs · \(annotations.count) annotations · \(summary.tokens) tokens",
            "language": document.language,
            "anchorPrefix": "a-",
            "annotationCount": annotations.count,
            "openAnnotations": annotations.count <= 2_000,
            "legend": Self.legend(colours),
            "customLayers": Set(annotations.map(\.layer)).filter { !$0.isBuiltIn }.sorted().map { ["name": $0.name] },
            "paragraphs": layout.paragraphs.map { view.paragraph($0, anchor: "p\($0.index + 1)", disagreeing: nil) },
            "rows": view.rows(),
            "charts": Charts.forDocument(summary),
            "tables": HTMLTables.of(Report(summary, by: .layer).sections),
        ]
        if let back { context["back"] = back }
        context.merge(panels(annotations, view: view)) { $1 }
        return try Templates.render("document", context)
    }

    /// The CSS of the lane classes `l0`…`lN` the layout uses.
    static func laneClasses(_ layouts: [TextLayout]) -> String {
        let lanes = layouts.flatMap(\.paragraphs).map(\.lanes).max() ?? 0
        return (0..<max(lanes, 1)).map { ".l\($0) { --lane: \($0); }" }.joined(separator: "\n")
    }

    static func legend(_ colours: [String: [(category: String, colour: Int, count: Int)]]) -> [[String: Any]] {
        colours.keys.compactMap { try? Layer($0) }.sorted().map(\.name).map { layer in
            let categories = colours[layer]!
            return ["layer": layer, "count": categories.reduce(0) { $0 + $1.count },
                    "categories": categories.map { ["layer": layer, "name": $0.category, "colour": "c\($0.colour)", "count": $0.count] as [String: Any] }]
        }
    }

    /// The register, quotations, stances and errors panels.
    func panels(_ annotations: [Annotation], view: AnnotationView) -> [String: Any] {
        var otherLinks: [Identifier: Int] = [:]
        for annotation in annotations where annotation.layer != .entity {
            for link in annotation.links { if case .id(let id) = link.target, document.entry(id) != nil { otherLinks[id, default: 0] += 1 } }
        }
        let entries: [[String: Any]] = document.registers.flatMap { register in
            register.entries.map { entry in
                ["id": entry.id.rawValue, "name": entry.name, "kind": register.kind.rawValue, "aliases": entry.aliases.joined(separator: "; "),
                 "wikidata": entry.wikidata ?? "", "mentions": summary.entities.entries[entry.id.rawValue]?.mentions ?? 0,
                 "otherLinks": otherLinks[entry.id] ?? 0]
            }
        }
        var bySpeaker: [String: [[String: Any]]] = [:]
        for annotation in annotations where annotation.layer == .quotation {
            let speaker = annotation.links(.speaker).first.map(view.name) ?? "(no speaker)"
            bySpeaker[speaker, default: []].append(["id": annotation.id.rawValue, "category": annotation.category?.rawValue ?? "", "text": view.text(annotation)])
        }
        var stanceIDs: [String: [String]] = [:]
        for annotation in annotations where annotation.layer == .stance {
            let holder = annotation.links(.holder).first.map { $0.description } ?? "(none)"
            let targets = annotation.links(.target).map(\.description)
            for target in targets.isEmpty ? ["(none)"] : targets {
                stanceIDs["\(holder)|\(target)|\(annotation.category?.rawValue ?? "(none)")", default: []].append(annotation.id.rawValue)
            }
        }
        let stances: [[String: Any]] = summary.stances.rows.map { row in
            ["holder": row.holder, "target": row.target, "polarity": row.polarity, "count": row.count,
             "ids": stanceIDs["\(row.holder)|\(row.target)|\(row.polarity)"] ?? []]
        }
        let errors: [[String: Any]] = annotations.filter { $0.layer == .error }.map { annotation in
            ["id": annotation.id.rawValue, "text": view.text(annotation), "correction": annotation.correction ?? "",
             "category": annotation.category?.rawValue ?? "", "severity": annotation.severity?.rawValue ?? ""]
        }
        return [
            "entries": entries, "registerEmpty": entries.isEmpty,
            "speakers": bySpeaker.sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }.map { ["speaker": $0.key, "count": $0.value.count, "quotations": $0.value] as [String: Any] },
            "stances": stances, "stancesEmpty": stances.isEmpty,
            "errors": errors, "errorsEmpty": errors.isEmpty,
        ]
    }
}

/// How annotations are shown: their marks over the text, their rows and their links, named
/// from the document's register.
struct AnnotationView {
    let document: Document
    let annotations: [Annotation]
    let colours: [String: [(category: String, colour: Int, count: Int)]]
    /// Put before every id on the page (the comparison shows several annotators' `ent1`).
    let idPrefix: String
    private let colourOf: [String: Int]

    init(document: Document, annotations: [Annotation], colours: [String: [(category: String, colour: Int, count: Int)]], idPrefix: String = "") {
        self.document = document
        self.annotations = annotations
        self.colours = colours
        self.idPrefix = idPrefix
        var colourOf: [String: Int] = [:]
        for (layer, categories) in colours { for category in categories { colourOf[layer + "\u{0}" + category.category] = category.colour } }
        self.colourOf = colourOf
    }

    /// The class of the annotation's colour (`c0`…`c7`).
    func colour(_ annotation: Annotation) -> String { "c\(colourOf[annotation.layer.name + "\u{0}" + Palette.label(annotation)] ?? 0)" }

    /// The text at the annotation's ranges, pieces joined with " … ".
    func text(_ annotation: Annotation) -> String {
        annotation.ranges.filter { $0.end <= document.text.count }.map { document.text[$0] }.joined(separator: " … ")
    }

    /// What a link points at, named: a register entry by its name, anything else by its id.
    func name(_ target: LinkTarget) -> String {
        if case .id(let id) = target, let entry = document.entry(id) { return entry.name }
        return target.description
    }

    /// One paragraph's HTML (see ``HTMLWriter``: the text is the one part of a page too large
    /// for the templates). `disagreeing` marks annotations without an agreeing partner (the
    /// comparison view).
    func paragraph(_ paragraph: TextLayout.Paragraph, anchor: String, disagreeing: Set<Int>?) -> [String: Any] {
        var writer = HTMLWriter(capacity: 256 + paragraph.segments.count * 160)
        let number = String(paragraph.index + 1)
        // dir="auto": a paragraph in a right-to-left script reads right to left.
        writer.start("p", [("id", anchor), ("dir", "auto"), ("style", "--lanes:\(paragraph.lanes)")])
        writer.start("a", [("class", "pno"), ("href", "#" + anchor), ("title", "paragraph " + number)])
        writer.text(number)
        writer.end("a")
        for segment in paragraph.segments {
            for mark in segment.marks {
                let annotation = annotations[mark.annotation]
                let id = idPrefix + annotation.id.rawValue
                let layer = annotation.layer.name
                let category = Palette.label(annotation)
                let disagrees = disagreeing?.contains(mark.annotation) ?? false
                let links = annotation.links.compactMap { if case .id(let target) = $0.target { target.rawValue } else { nil } }.joined(separator: " ")
                // Only the first piece carries what the annotation is (and takes the keyboard
                // focus): a large page has hundreds of thousands of pieces.
                let first = mark.starts
                writer.start("span", [
                    ("class", "a L" + layer + " l\(mark.lane) " + colour(annotation) + (disagrees ? " dis" : "")), ("data-id", id),
                    ("data-layer", first ? layer : nil), ("data-category", first ? category : nil),
                    ("data-links", first && !links.isEmpty ? links : nil),
                    ("id", first ? "a-" + id : nil), ("tabindex", first ? "0" : nil), ("role", first ? "button" : nil),
                    ("aria-label", first ? "\(layer) \(category) \(annotation.id.rawValue)" : nil),
                ])
            }
            writer.text(document.text[segment.range])
            for _ in segment.marks { writer.end("span") }
            for mark in segment.marks.reversed() where mark.ends {
                let annotation = annotations[mark.annotation]
                let layer = annotation.layer.name
                writer.start("sup", [("class", "lbl L" + layer + " " + colour(annotation))])
                writer.text(Palette.label(annotation))
                writer.end("sup")
                if let correction = annotation.correction {
                    writer.start("ins", [("class", "fix L" + layer), ("data-for", idPrefix + annotation.id.rawValue)])
                    writer.text(correction.isEmpty ? "(delete)" : correction)
                    writer.end("ins")
                }
            }
        }
        writer.end("p")
        return ["html": writer.html]
    }

    /// The rows of the table of all annotations (the details shown when one is selected), as
    /// HTML: one row an annotation, as many as the text's highlights (``HTMLWriter``).
    /// `rowPrefix` and `anchorPrefix` tell apart several annotators' rows on one page.
    func rows(rowPrefix: String = "", anchorPrefix: String = "a-") -> String {
        var writer = HTMLWriter(capacity: annotations.count * 400)
        for annotation in annotations {
            let id = annotation.id.rawValue
            let provenance = annotation.provenance
            writer.start("tr", [("id", "row-" + rowPrefix + id)])
            writer.start("td")
            writer.start("a", [("href", "#" + anchorPrefix + id), ("data-select", rowPrefix + id)])
            writer.text(id)
            writer.end("a")
            writer.end("td")
            for value in [annotation.layer.name, annotation.category?.rawValue ?? "", text(annotation)] { cell(&writer, value) }
            writer.start("td")
            links(annotation, into: &writer, anchorPrefix: anchorPrefix)
            writer.end("td")
            let annotator = provenance.annotator.map { id in document.annotator(id).map { "\($0.name) (\(id.rawValue))" } ?? id.rawValue } ?? ""
            for value in [annotation.correction ?? "", annotation.severity?.rawValue ?? "", annotator, provenance.certainty?.rawValue ?? "",
                          provenance.method?.rawValue ?? "", provenance.time.map { ISOTimestamp.string(from: $0) } ?? ""] {
                cell(&writer, value)
            }
            var notes = annotation.notes
            if !annotation.cue.isEmpty {
                notes.insert("cue: " + annotation.cue.filter { $0.end <= document.text.count }.map { "“\(document.text[$0])”" }.joined(separator: ", "), at: 0)
            }
            lines(&writer, notes)
            lines(&writer, annotation.features.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" })
            writer.end("tr")
            writer.text("\n")
        }
        return writer.html
    }

    private func cell(_ writer: inout HTMLWriter, _ value: String) {
        writer.start("td")
        writer.text(value)
        writer.end("td")
    }

    private func lines(_ writer: inout HTMLWriter, _ values: [String]) {
        writer.start("td")
        for (index, value) in values.enumerated() {
            if index > 0 { writer.start("br") }
            writer.text(value)
        }
        writer.end("td")
    }

    /// An annotation's links: a register entry by its name (and its Wikidata id), which
    /// highlights its mentions when selected; an annotation, which is selected.
    func links(_ annotation: Annotation, into writer: inout HTMLWriter, anchorPrefix: String) {
        for (index, link) in annotation.links.enumerated() {
            if index > 0 { writer.start("br") }
            writer.text(link.role.name + ": ")
            if case .id(let id) = link.target, let entry = document.entry(id) {
                writer.start("a", [("href", "#entry-" + id.rawValue), ("data-entry", id.rawValue)])
                writer.text(entry.name)
                writer.end("a")
                if let wikidata = entry.wikidata {
                    writer.text(" (")
                    writer.start("a", [("href", "https://www.wikidata.org/wiki/" + wikidata), ("rel", "noreferrer")])
                    writer.text(wikidata)
                    writer.end("a")
                    writer.text(")")
                }
            } else if case .id(let id) = link.target, document.annotation(id) != nil {
                writer.start("a", [("href", "#" + anchorPrefix + id.rawValue), ("data-select", idPrefix + id.rawValue)])
                writer.text(id.rawValue)
                writer.end("a")
            } else {
                writer.text(link.target.description)
            }
        }
    }
}

/// `ReportSection`s (the tables `stats` and `agree` print) for the tables template.
enum HTMLTables {
    static func of(_ sections: [ReportSection]) -> [[String: Any]] {
        sections.map { section in
            ["title": section.title, "columns": section.columns, "empty": section.rows.isEmpty,
             "rows": section.rows.map { ["cells": $0] }, "notes": section.notes]
        }
    }
}
