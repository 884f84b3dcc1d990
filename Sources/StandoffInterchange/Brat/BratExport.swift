import StandoffModel

extension Brat {
    public static func export(_ document: Document) -> (files: Files, losses: Losses) {
        var writer = BratWriter(document)
        writer.losses.countDropped(declarationsOf: document, by: Brat.self)
        for annotation in writer.annotations { writer.writeTextBound(annotation) }
        for annotation in writer.annotations {
            writer.writeAttributes(of: annotation)
            writer.writeLinks(of: annotation)
            writer.writeCueAndNotes(of: annotation)
            writer.losses.countDropped(in: annotation, by: Brat.self)
        }
        writer.countEntriesLeftOut()
        let lines = writer.lines
        return (Files(text: writer.breaks.read(document.text), annotations: lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")), writer.losses)
    }
}

/// The lines of one `.ann` file as they are written: T lines first, then for each annotation its
/// attributes, normalisations, notes and relations, numbered as brat numbers them.
private struct BratWriter {
    let document: Document
    let annotations: [Annotation]
    /// brat reads its .txt in Python's text mode, each "\r\n" a "\n": the text is written so,
    /// and offsets counted on it.
    let breaks: LineBreaks
    var losses = Losses()
    var lines: [String] = []
    var tIDs: [Identifier: String] = [:]
    var counters = (t: 0, a: 0, n: 0, r: 0, note: 0)
    /// Entity mentions of each register entry, in text order, to draw arcs to the nearest.
    var mentions: [Identifier: [Annotation]] = [:]

    init(_ document: Document) {
        self.document = document
        annotations = document.sortedAnnotations()
        breaks = LineBreaks(document.text)
        if !breaks.isEmpty { losses.lost(.crlfWrittenAsLF, breaks.positions.count) }
        for annotation in annotations where annotation.layer == .entity {
            for case .id(let entry) in annotation.links(.ref) { mentions[entry, default: []].append(annotation) }
        }
        for key in mentions.keys { mentions[key]!.sort { $0.start < $1.start } }
    }

    /// `START END;START END\tTEXT`: brat keeps one annotation a line, so a span across a line
    /// break is written as the pieces between the breaks, as brat itself stores one.
    mutating func span(_ ranges: [TextRange]) -> String {
        let pieces = ranges.flatMap { Brat.lineFragments(of: $0, in: document.text) }
        if pieces.count > ranges.count { losses.repaired(.spansAcrossLineBreaks) }
        return pieces.map { "\(breaks.readOffset($0.start)) \(breaks.readOffset($0.end))" }.joined(separator: ";") + "\t"
            + pieces.map { document.text[$0] }.joined(separator: " ")
    }

    mutating func writeTextBound(_ annotation: Annotation) {
        counters.t += 1
        let t = "T\(counters.t)"
        tIDs[annotation.id] = t
        lines.append("\(t)\t\(Brat.type(of: annotation)) \(span(annotation.ranges))")
    }

    mutating func note(_ text: String, on annotation: Annotation) {
        counters.note += 1
        lines.append("#\(counters.note)\tAnnotatorNotes \(tIDs[annotation.id]!)\t\(text.replacingOccurrences(of: "\n", with: " "))")
    }

    mutating func writeAttributes(of annotation: Annotation) {
        let t = tIDs[annotation.id]!
        if annotation.layer != .entity, let category = annotation.category {
            counters.a += 1
            lines.append("A\(counters.a)\t\(Brat.categoryAttribute) \(t) \(category)")
        }
        if let severity = annotation.severity {
            counters.a += 1
            lines.append("A\(counters.a)\t\(Brat.severityAttribute) \(t) \(severity)")
        }
    }

    /// The database references an annotation keeps as features (`Reference:DB` = `ID …`).
    func references(of annotation: Annotation) -> [(String, String)] {
        annotation.features.filter { $0.key.hasPrefix(Brat.referenceFeature) }.sorted { $0.key < $1.key }
            .flatMap { feature in feature.value.split(separator: " ").map { (String(feature.key.dropFirst(Brat.referenceFeature.count)), String($0)) } }
    }

    /// Every link as a note saying exactly what it is (an annotation as `@T12`, a category as
    /// `category:TAXONOMY/ID`), with an arc for brat's eyes; an entity's register link as
    /// normalisations.
    mutating func writeLinks(of annotation: Annotation) {
        let t = tIDs[annotation.id]!
        var references = references(of: annotation)
        for link in annotation.links {
            guard case .id(let target) = link.target else { note("\(link.role): unknown", on: annotation); continue }
            if link.role == .ref, annotation.layer == .entity, let entry = document.entry(target) {
                writeNormalisations(of: annotation, entry: entry, references: references)
                references = []
                continue
            }
            if let taxonomy = document.taxonomy(declaring: target) {
                note("\(link.role): category:\(taxonomy)/\(target)", on: annotation)
                continue
            }
            note("\(link.role): \(tIDs[target].map { "@" + $0 } ?? target.rawValue)", on: annotation)
            let arc = tIDs[target] ?? (document.entry(target) != nil ? nearest(target, to: annotation).map { tIDs[$0.id]! } : nil)
            if let arc {
                counters.r += 1
                lines.append("R\(counters.r)\t\(Brat.relationType(link.role)) Arg1:\(t) Arg2:\(arc)")
            }
        }
    }

    /// An entity's entry as `N` lines: its database references (kept as features) as they came
    /// (the one the entry was made from first, so that an import makes the same entry again),
    /// then `Register:ID` and `Wikidata:Q…`.
    mutating func writeNormalisations(of annotation: Annotation, entry: RegisterEntry, references: [(String, String)]) {
        let t = tIDs[annotation.id]!
        var references = references
        let madeFrom = references.firstIndex { Identifier.madeValid("\($0.0.lowercased())-\($0.1)") == entry.id }
        if let madeFrom { references.insert(references.remove(at: madeFrom), at: 0) }
        for (database, id) in references {
            counters.n += 1
            lines.append("N\(counters.n)\tReference \(t) \(database):\(id)\t\(entry.name)")
        }
        if madeFrom != nil && entry.wikidata == nil { return }
        counters.n += 1
        lines.append("N\(counters.n)\tReference \(t) Register:\(entry.id)\t\(entry.name)")
        if let wikidata = entry.wikidata {
            counters.n += 1
            lines.append("N\(counters.n)\tReference \(t) Wikidata:\(wikidata)\t\(entry.name)")
        }
    }

    mutating func writeCueAndNotes(of annotation: Annotation) {
        let t = tIDs[annotation.id]!
        if !annotation.cue.isEmpty {
            counters.t += 1
            lines.append("T\(counters.t)\t\(Brat.cueType) \(span(annotation.cue))")
            counters.r += 1
            lines.append("R\(counters.r)\t\(Brat.cueType) Arg1:\(t) Arg2:T\(counters.t)")
        }
        if let correction = annotation.correction { note("correction: \(correction)", on: annotation) }
        // An entity linked to an entry wrote its database references as normalisations.
        let linksAnEntry = annotation.layer == .entity && annotation.links(.ref).contains { if case .id(let id) = $0 { document.entry(id) != nil } else { false } }
        for (key, value) in annotation.features.sorted(by: { $0.key < $1.key }) where !(key.hasPrefix(Brat.referenceFeature) && linksAnEntry) {
            note("feature: \(key)=\(value)", on: annotation)
        }
        for comment in annotation.notes { note(Brat.reserved.contains(where: comment.hasPrefix) ? "note: " + comment : comment, on: annotation) }
    }

    /// The mention of `entry` nearest `annotation`: a binary search, then its two neighbours.
    func nearest(_ entry: Identifier, to annotation: Annotation) -> Annotation? {
        guard let list = mentions[entry], !list.isEmpty else { return nil }
        var (low, high) = (0, list.count)
        while low < high { let middle = (low + high) / 2; if list[middle].start < annotation.start { low = middle + 1 } else { high = middle } }
        return [low - 1, low].filter { $0 >= 0 && $0 < list.count }.map { list[$0] }.min { Brat.distance($0, annotation) < Brat.distance($1, annotation) }
    }

    /// Entries with no `N` line of their own: nothing links to them, or only as a speaker,
    /// holder or target (an arc, no name).
    mutating func countEntriesLeftOut() {
        let linked = Set(annotations.flatMap { $0.links.compactMap { if case .id(let id) = $0.target { id } else { nil } } })
        let named = Set(annotations.filter { $0.layer == .entity }.flatMap { $0.links(.ref).compactMap { if case .id(let id) = $0 { id } else { nil } } })
        for entry in document.registers.flatMap(\.entries) {
            if !linked.contains(entry.id) { losses.lost(.unlinkedEntries) }
            else if !named.contains(entry.id) { losses.lost(.entryNamesOfRolesOnly) }
        }
    }
}
