import StandoffModel

extension Brat {
    public static func export(_ document: Document) -> (files: Files, losses: Losses) {
        // The streamed export over the document's annotations in its order, both passes: the same bytes.
        let stream = Stream(declarations: document)
        let annotations = document.sortedAnnotations()
        var out: [UInt8] = []
        for pass in 1...stream.passes {
            stream.begin(pass: pass)
            // The same annotations in both passes: the checks between them cannot fail here.
            for annotation in annotations { _ = try! stream.add(annotation) { out += $0 } }
        }
        let losses = try! stream.finish(revisions: document.revisions, preserved: document.preserved) { out += $0 }
        return (Files(text: String(decoding: stream.companion() ?? [], as: UTF8.self), annotations: String(decoding: out, as: UTF8.self)), losses)
    }

    /// The brat export written as the reader streams a file, twice: the first pass writes the
    /// `T` lines (and notes what the second needs: each annotation's `T`, each entry's mentions),
    /// the second each annotation's attributes, normalisations, notes and relations. Annotations
    /// come in the model's order (layer, then start, then id), the order Standoff writes its files
    /// in; one out of it makes ``add(_:write:)`` answer false, and the caller exports the loaded
    /// document instead. Memory: a number for each annotation and the entries' mentions, never the
    /// annotations.
    public final class Stream: StreamingExport {
        private var writer: BratWriter
        private var buffer = ExportBuffer()
        private var pass = 1
        private var records = StreamedRecords()
        /// Annotations of the first pass, and of the second so far: the second must see the same, in the same order.
        private var firstPassCount = 0
        private var secondPassCount = 0

        public init(declarations: Document) {
            writer = BratWriter(declarations)
        }

        public var passes: Int { 2 }
        public func begin(pass: Int) {
            self.pass = pass
            if pass == 2 { writer.sortMentions() }
        }

        public func companion() -> [UInt8]? { Array(writer.breaks.read(writer.document.text).utf8) }

        public func add(_ annotation: Annotation, write: ([UInt8]) throws -> Void) throws -> Bool {
            if pass == 1 {
                guard records.take(annotation, table: Brat.self) else { return false }
                writer.writeTextBound(annotation)
                firstPassCount += 1
            } else {
                secondPassCount += 1
                guard writer.tIDs[annotation.id] == secondPassCount else { throw StreamingExportError.fileChanged }
                writer.writeAttributes(of: annotation)
                writer.writeLinks(of: annotation)
                writer.writeCueAndNotes(of: annotation)
            }
            try buffer.append(writer.takeLines(), flushingTo: write)
            return true
        }

        public func finish(revisions: [Revision], preserved: PreservedContent, write: ([UInt8]) throws -> Void) throws -> Losses {
            guard secondPassCount == firstPassCount else { throw StreamingExportError.fileChanged }
            var losses = records.finish(declarations: writer.document, revisions: revisions, preserved: preserved, table: Brat.self)
            writer.countEntriesLeftOut()
            losses.merge(writer.losses)
            try buffer.flush(to: write)
            return losses
        }
    }
}

/// The lines of one `.ann` file as they are written: T lines first, then for each annotation its
/// attributes, normalisations, notes and relations, numbered as brat numbers them. Fed each
/// annotation twice (``Brat/Stream``), it keeps a number for each and the entries' mentions.
struct BratWriter {
    /// One mention of a register entry: where it is, and its `T`.
    struct Mention {
        var range: TextRange
        var t: Int
        var start: Int { range.start }
    }

    let document: Document
    /// brat reads its .txt in Python's text mode, each "\r\n" a "\n": the text is written so,
    /// and offsets counted on it.
    let breaks: LineBreaks
    var losses = Losses()
    /// The lines made since ``takeLines()`` was last called, each with its line break.
    private var pending: [UInt8] = []
    var tIDs: [Identifier: Int] = [:]
    var counters = (t: 0, a: 0, n: 0, r: 0, note: 0)
    /// Entity mentions of each register entry, in text order, to draw arcs to the nearest.
    var mentions: [Identifier: [Mention]] = [:]
    /// What the first pass learns for the losses: entries linked, entries named.
    var linked = Set<Identifier>()
    var named = Set<Identifier>()

    init(_ document: Document) {
        self.document = document
        breaks = LineBreaks(document.text)
        if !breaks.isEmpty { losses.lost(.crlfWrittenAsLF, breaks.positions.count) }
    }

    mutating func append(_ line: String) {
        pending.append(contentsOf: line.utf8)
        pending.append(0x0A)
    }

    mutating func takeLines() -> [UInt8] {
        defer { pending.removeAll(keepingCapacity: true) }
        return pending
    }

    mutating func sortMentions() {
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
        tIDs[annotation.id] = counters.t
        append("T\(counters.t)\t\(Brat.type(of: annotation)) \(span(annotation.ranges))")
        for link in annotation.links { if case .id(let id) = link.target { linked.insert(id) } }
        if annotation.layer == .entity {
            for case .id(let entry) in annotation.links(.ref) {
                named.insert(entry)
                mentions[entry, default: []].append(Mention(range: annotation.ranges[0], t: counters.t))
            }
        }
    }

    /// The `T` of an annotation already written.
    func t(_ id: Identifier) -> String? { tIDs[id].map { "T\($0)" } }

    mutating func note(_ text: String, on annotation: Annotation) {
        counters.note += 1
        append("#\(counters.note)\tAnnotatorNotes \(t(annotation.id)!)\t\(text.replacingOccurrences(of: "\n", with: " "))")
    }

    mutating func writeAttributes(of annotation: Annotation) {
        let t = t(annotation.id)!
        if annotation.layer != .entity, let category = annotation.category {
            counters.a += 1
            append("A\(counters.a)\t\(Brat.categoryAttribute) \(t) \(category)")
        }
        if let severity = annotation.severity {
            counters.a += 1
            append("A\(counters.a)\t\(Brat.severityAttribute) \(t) \(severity)")
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
        let t = t(annotation.id)!
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
            note("\(link.role): \(self.t(target).map { "@" + $0 } ?? target.rawValue)", on: annotation)
            let arc = self.t(target) ?? (document.entry(target) != nil ? nearest(target, to: annotation).map { "T\($0.t)" } : nil)
            if let arc {
                counters.r += 1
                append("R\(counters.r)\t\(Brat.relationType(link.role)) Arg1:\(t) Arg2:\(arc)")
            }
        }
    }

    /// An entity's entry as `N` lines: its database references (kept as features) as they came
    /// (the one the entry was made from first, so that an import makes the same entry again),
    /// then `Register:ID` and `Wikidata:Q…`.
    mutating func writeNormalisations(of annotation: Annotation, entry: RegisterEntry, references: [(String, String)]) {
        let t = t(annotation.id)!
        var references = references
        let madeFrom = references.firstIndex { Identifier.madeValid("\($0.0.lowercased())-\($0.1)") == entry.id }
        if let madeFrom { references.insert(references.remove(at: madeFrom), at: 0) }
        for (database, id) in references {
            counters.n += 1
            append("N\(counters.n)\tReference \(t) \(database):\(id)\t\(entry.name)")
        }
        if madeFrom != nil && entry.wikidata == nil { return }
        counters.n += 1
        append("N\(counters.n)\tReference \(t) Register:\(entry.id)\t\(entry.name)")
        if let wikidata = entry.wikidata {
            counters.n += 1
            append("N\(counters.n)\tReference \(t) Wikidata:\(wikidata)\t\(entry.name)")
        }
    }

    mutating func writeCueAndNotes(of annotation: Annotation) {
        let t = t(annotation.id)!
        if !annotation.cue.isEmpty {
            counters.t += 1
            append("T\(counters.t)\t\(Brat.cueType) \(span(annotation.cue))")
            counters.r += 1
            append("R\(counters.r)\t\(Brat.cueType) Arg1:\(t) Arg2:T\(counters.t)")
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
    func nearest(_ entry: Identifier, to annotation: Annotation) -> Mention? {
        guard let list = mentions[entry], !list.isEmpty else { return nil }
        var (low, high) = (0, list.count)
        while low < high { let middle = (low + high) / 2; if list[middle].start < annotation.start { low = middle + 1 } else { high = middle } }
        return [low - 1, low].filter { $0 >= 0 && $0 < list.count }.map { list[$0] }
            .min { Brat.distance($0.range, annotation.ranges[0]) < Brat.distance($1.range, annotation.ranges[0]) }
    }

    /// Entries with no `N` line of their own: nothing links to them, or only as a speaker,
    /// holder or target (an arc, no name).
    mutating func countEntriesLeftOut() {
        for entry in document.registers.flatMap(\.entries) {
            if !linked.contains(entry.id) { losses.lost(.unlinkedEntries) }
            else if !named.contains(entry.id) { losses.lost(.entryNamesOfRolesOnly) }
        }
    }
}
