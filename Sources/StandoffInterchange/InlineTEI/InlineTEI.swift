import StandoffModel
import StandoffXML

/// TEI with the annotations as inline markup, for TEI editions and tools: entities as
/// `persName`, `orgName`, `placeName` or `rs` with `@ref`; quotations as `said` with `@who`;
/// errors as `choice` of `sic` and `corr` (or `sic` alone); stances and custom layers as `seg`
/// with `@type` and `@ana`. Markup must nest: a span that crosses another, spans a paragraph
/// break or is discontinuous is split into fragments joined by `@next` and `@prev`. The
/// registers and taxonomies go in `<standOff>` and the header, so every pointer resolves.
public enum InlineTEI: Sendable {
    struct Fragment { var annotation: Annotation; var range: TextRange; var index: Int; var count: Int }

    public static func export(_ document: Document) throws(XMLWriteError) -> (xml: [UInt8], losses: Losses) {
        var losses = Losses()
        losses.countDropped(declarationsOf: document, by: Self.self)
        let writer = try XMLWriter(indent: false)
        writer.open("TEI", [("xmlns", "http://www.tei-c.org/ns/1.0"), ("xml:id", document.id.rawValue), ("xml:lang", document.language)])
        writer.newline()
        header(document, writer)
        writer.newline()
        writer.open("text")
        writer.open("body")
        // Fragments: a piece of an annotation within one paragraph and one range.
        var fragments: [[Fragment]] = Array(repeating: [], count: document.text.paragraphs.count)
        for annotation in document.sortedAnnotations() {
            let pieces = annotation.ranges.flatMap { document.text.paragraphPieces(of: $0).map { ($0.paragraph, $0.local) } }
            for (index, piece) in pieces.enumerated() {
                fragments[piece.0].append(Fragment(annotation: annotation, range: piece.1, index: index, count: pieces.count))
            }
            if annotation.ranges.count > 1 { losses.repaired(.discontinuousAsFragments) }
            losses.countDropped(in: annotation, by: Self.self)
            if annotation.links(.speaker).contains(.unknown) { losses.lost(.unknownSpeakers) }
            losses.lost(.linksWithoutAttribute, linksWithoutAttribute(annotation, in: document))
            if annotation.ranges.contains(where: { range in
                [range.start, range.end - 1].contains { document.text.scalar(at: $0).properties.isWhitespace }
            }) { losses.lost(.spansEdgedWithWhiteSpace) }
        }
        // Pieces of every paragraph, split where markup must nest; then numbered per annotation.
        var splits = 0
        let pieces = fragments.enumerated().map { paragraph, list -> [Piece] in
            let (made, split) = nest(list, paragraph: paragraph)
            splits += split
            return made
        }
        var numbering: [Identifier: [PieceKey]] = [:]
        for piece in pieces.flatMap({ $0 }) { numbering[piece.annotation.id, default: []].append(piece.key) }
        for (index, id) in document.paragraphIDs.enumerated() {
            writer.newline()
            writer.open("p", [("xml:id", id.rawValue)])
            write(document.text.paragraphText(index), pieces[index], numbering: numbering, in: document, writer)
            writer.close()
        }
        losses.repaired(.splitToNest, splits)
        writer.newline()
        writer.close()
        writer.close()
        registers(document, writer)
        writer.newline()
        writer.close()
        return (try writer.finish(), losses)
    }

    static func header(_ document: Document, _ writer: XMLWriter) {
        writer.open("teiHeader")
        writer.open("fileDesc")
        writer.open("titleStmt"); writer.element("title", text: document.title); writer.close()
        writer.open("publicationStmt"); writer.element("p", text: document.publicationStatement); writer.close()
        writer.open("sourceDesc"); writer.element("p", text: "Inline markup exported by Standoff from \(document.source.fileName.isEmpty ? "its stand-off annotation" : document.source.fileName) (SHA-256 \(document.source.sha256)).")
        writer.close()
        writer.close()
        writer.open("encodingDesc")
        writer.open("classDecl")
        for taxonomy in document.taxonomies where !taxonomy.categories.isEmpty {
            writer.open("taxonomy", [("xml:id", "taxonomy-" + taxonomy.id.rawValue)])
            for category in taxonomy.categories {
                writer.open("category", [("xml:id", category.id.rawValue)])
                writer.element("catDesc", text: category.description.isEmpty ? category.id.rawValue : category.description)
                writer.close()
            }
            writer.close()
        }
        writer.close()
        writer.close()
        writer.close()
    }

    static func registers(_ document: Document, _ writer: XMLWriter) {
        let lists: [(EntryKind, String, String, String)] = [(.person, "listPerson", "person", "persName"), (.organisation, "listOrg", "org", "orgName"),
                                                            (.place, "listPlace", "place", "placeName")]
        let nonEmpty = lists.filter { kind in document.registers.contains { $0.kind == kind.0 && !$0.entries.isEmpty } }
        guard !nonEmpty.isEmpty else { return }
        writer.newline()
        writer.open("standOff")
        for (kind, list, entryName, nameElement) in nonEmpty {
            writer.open(list)
            for entry in document.registers.first(where: { $0.kind == kind })!.entries {
                writer.open(entryName, [("xml:id", entry.id.rawValue)])
                writer.element(nameElement, text: entry.name)
                for alias in entry.aliases { writer.open(nameElement, [("type", "alias")]); writer.text(alias); writer.close() }
                if let wikidata = entry.wikidata { writer.open("idno", [("type", "wikidata")]); writer.text(wikidata); writer.close() }
                writer.close()
            }
            writer.close()
        }
        writer.close()
    }

    /// The element of an annotation, and its attributes (without the fragment's own).
    /// The roles an element's attributes hold so that the import reads them back as they were:
    /// an entity's `@ref`, a quotation's `@who`, a stance's `@corresp` (the holder first, then
    /// the targets), a custom layer's `@corresp` (read back as `ref`).
    static func rolesWritten(for layer: Layer) -> [LinkRole] {
        switch layer {
        case .entity: [.ref]
        case .quotation: [.speaker]
        case .error: []
        case .stance: [.holder, .target]
        default: [.ref]
        }
    }

    /// Links of the built-in roles that the element cannot give back: of a role it has no
    /// attribute for, a stance's holders after the first, links to annotations (pointers in
    /// inline markup name entries and categories). Other roles are counted by the field table.
    static func linksWithoutAttribute(_ annotation: Annotation, in document: Document) -> Int {
        let written = rolesWritten(for: annotation.layer)
        let extraHolders = annotation.layer == .stance ? max(0, annotation.links(.holder).count - 1) : 0
        return extraHolders + annotation.links.filter { link in
            guard LinkRole.builtIn.contains(link.role) else { return false }
            if !written.contains(link.role) { return true }
            if case .id(let id) = link.target { return document.annotation(id) != nil }
            return false
        }.count
    }

    static func element(_ annotation: Annotation, in document: Document) -> (name: String, attributes: [(String, String?)]) {
        func pointers(_ role: LinkRole) -> String? {
            let ids = annotation.links(role).compactMap { target -> String? in if case .id(let id) = target { "#" + id.rawValue } else { nil } }
            return ids.isEmpty ? nil : ids.joined(separator: " ")
        }
        let ana = ([annotation.category].compactMap { $0 } + [annotation.severity.map { Identifier(stringLiteral: $0.rawValue) }].compactMap { $0 })
            .map { "#" + $0.rawValue }.joined(separator: " ")
        let anaValue = ana.isEmpty ? nil : ana
        switch annotation.layer {
        case .entity:
            let name = switch annotation.category?.rawValue {
            case "PER": "persName"
            case "ORG": "orgName"
            case "GPE", "LOC", "FAC": "placeName"
            default: "rs"
            }
            return (name, [("ref", pointers(.ref)), ("type", name == "rs" ? annotation.category?.rawValue : nil), ("ana", anaValue)])
        case .quotation:
            return ("said", [("who", pointers(.speaker)), ("direct", annotation.category?.rawValue == "direct" ? "true" : "false"), ("ana", anaValue)])
        case .error:
            return ("sic", [("ana", anaValue)])
        default:
            let links = [pointers(.holder), pointers(.target), pointers(.ref)].compactMap { $0 }.joined(separator: " ")
            return ("seg", [("type", annotation.layer.name), ("ana", anaValue), ("corresp", links.isEmpty ? nil : links)])
        }
    }

    struct PieceKey: Hashable { var paragraph: Int; var start: Int; var end: Int }
    struct Piece { var annotation: Annotation; var paragraph: Int; var start: Int; var end: Int; var key: PieceKey { PieceKey(paragraph: paragraph, start: start, end: end) } }

    /// A paragraph's fragments as pieces that nest: a piece that would cross the end of one
    /// begun before it is cut there, and the rest continues after. Returns the extra pieces made.
    static func nest(_ fragments: [Fragment], paragraph: Int) -> ([Piece], Int) {
        func precedes(_ a: Piece, _ b: Piece) -> Bool { (a.start, b.end) < (b.start, a.end) }
        var queue = fragments.map { Piece(annotation: $0.annotation, paragraph: paragraph, start: $0.range.start, end: $0.range.end) }.sorted(by: precedes)
        var head = 0
        var placed: [Piece] = []
        // The placed pieces still open where the next piece starts, in the order placed: only they
        // can cross it (pieces come by start, so one that ended before never crosses a later one).
        // Searching every placed piece, and taking the queue's first by removing it, made one long
        // paragraph quadratic.
        var open: [Piece] = []
        var splits = 0
        while head < queue.count {
            var piece = queue[head]
            head += 1
            open.removeAll { $0.end <= piece.start }
            if let crossing = open.first(where: { $0.start < piece.start && piece.start < $0.end && $0.end < piece.end }) {
                let rest = Piece(annotation: piece.annotation, paragraph: paragraph, start: crossing.end, end: piece.end)
                piece.end = crossing.end
                // Into the queue's rest, in order (binary search; splits are few).
                var (low, high) = (head, queue.count)
                while low < high { let middle = (low + high) / 2; if precedes(rest, queue[middle]) { high = middle } else { low = middle + 1 } }
                queue.insert(rest, at: low)
                splits += 1
            }
            placed.append(piece)
            open.append(piece)
        }
        return (placed.sorted(by: precedes), splits)
    }

    /// Writes a paragraph's text with its pieces as nested markup.
    static func write(_ text: String, _ pieces: [Piece], numbering: [Identifier: [PieceKey]], in document: Document, _ writer: XMLWriter) {
        let scalars = Array(text.unicodeScalars)
        func slice(_ from: Int, _ to: Int) -> String { var s = ""; s.unicodeScalars.append(contentsOf: scalars[from..<to]); return s }
        func id(_ annotation: Identifier, _ index: Int) -> String { index == 0 ? annotation.rawValue : "\(annotation.rawValue)-\(index + 1)" }
        var stack: [(end: Int, correction: String?)] = []
        var position = 0
        func closeTop() {
            let top = stack.removeLast()
            writer.text(slice(position, top.end))
            position = top.end
            writer.close()
            if let correction = top.correction {
                writer.open("corr"); writer.text(correction); writer.close()
                writer.close()
            }
        }
        for piece in pieces {
            while let top = stack.last, top.end <= piece.start { closeTop() }
            writer.text(slice(position, piece.start))
            position = piece.start
            let annotation = piece.annotation
            let order = numbering[annotation.id]!
            let index = order.firstIndex(of: piece.key)!
            var (name, attributes) = element(annotation, in: document)
            attributes = [("xml:id", id(annotation.id, index))] + attributes
                + [("prev", index > 0 ? "#" + id(annotation.id, index - 1) : nil), ("next", index + 1 < order.count ? "#" + id(annotation.id, index + 1) : nil)]
            let correction = annotation.layer == .error && index == 0 ? annotation.correction : nil
            if correction != nil { writer.open("choice") }
            writer.open(name, attributes)
            stack.append((piece.end, correction))
        }
        while !stack.isEmpty { closeTop() }
        writer.text(slice(position, scalars.count))
    }
}
