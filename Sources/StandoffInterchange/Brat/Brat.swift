import Foundation
import StandoffModel

/// brat's standoff format: the text in `NAME.txt`, the annotations in `NAME.ann`, offsets in
/// code points (Python string indices, as brat counts them). docs/FORMATS.md has the mapping
/// and the loss table.
///
/// - `T` lines: an entity's type is its category (`PER`); another layer's type is the layer's
///   name (`quotation`, `stance`, `error`, or a custom one) with its category in a `Category`
///   attribute. Discontinuous spans as `START END;START END`.
/// - `A` lines: `Category`, `Severity`.
/// - `N` lines: an entity's register link (`Register:kim`, and `Wikidata:Q56226` when known).
/// - `R` lines: a link to another annotation, a quotation's cue (a `Cue` span), and, for a
///   speaker, holder or target that is a register entry, an arc to the nearest entity mention of
///   that entry, so that brat draws it.
/// - `#` notes (`AnnotatorNotes`): every link as `ROLE: ID` (what an import reads), a correction
///   as `correction: TEXT`, a feature as `feature: KEY=VALUE`, a comment as itself (`note: ` first
///   if it could be read as one of these).
public enum Brat {
    public struct Files: Sendable, Equatable {
        public var text: String
        public var annotations: String
    }

    /// The feature that keeps a normalisation into another database (`Reference:brat_eco` =
    /// `ECO:0001802`), written back as `N… Reference T… brat_eco:ECO:0001802`.
    static let referenceFeature = "Reference:"
    static let reserved = ["speaker: ", "holder: ", "target: ", "ref: ", "correction: ", "feature: ", "note: ", "cue", "link "]

    // MARK: Export

    public static func export(_ document: Document) -> (files: Files, losses: Losses) {
        var losses = Losses()
        losses.countDropped(declarationsOf: document, by: Self.self)
        var lines: [String] = []
        var tIDs: [Identifier: String] = [:]
        var counters = (t: 0, a: 0, n: 0, r: 0, note: 0)
        let annotations = document.sortedAnnotations()
        // brat reads its .txt in Python's text mode, each "\r\n" a "\n": the text is written so,
        // and offsets counted on it.
        let breaks = LineBreaks(document.text)
        if !breaks.isEmpty { losses.lost(.crlfWrittenAsLF, breaks.positions.count) }
        func span(_ ranges: [TextRange]) -> String {
            // brat keeps one annotation a line: a span across a line break is written as the
            // pieces between the breaks, as brat itself stores one.
            let pieces = ranges.flatMap { lineFragments(of: $0, in: document.text) }
            if pieces.count > ranges.count { losses.repaired(.spansAcrossLineBreaks) }
            return pieces.map { "\(breaks.readOffset($0.start)) \(breaks.readOffset($0.end))" }.joined(separator: ";") + "\t"
                + pieces.map { document.text[$0] }.joined(separator: " ")
        }
        for annotation in annotations {
            counters.t += 1
            let t = "T\(counters.t)"
            tIDs[annotation.id] = t
            let type = annotation.layer == .entity ? (annotation.category?.rawValue ?? "entity") : annotation.layer.name
            lines.append("\(t)\t\(type) \(span(annotation.ranges))")
        }
        // Entity mentions of each register entry, in text order, to draw arcs to the nearest.
        var mentions: [Identifier: [Annotation]] = [:]
        for annotation in annotations where annotation.layer == .entity {
            for case .id(let entry) in annotation.links(.ref) { mentions[entry, default: []].append(annotation) }
        }
        for key in mentions.keys { mentions[key]!.sort { $0.start < $1.start } }
        /// The mention nearest `annotation`: a binary search, then its two neighbours.
        func nearest(_ entry: Identifier, to annotation: Annotation) -> Annotation? {
            guard let list = mentions[entry], !list.isEmpty else { return nil }
            var (low, high) = (0, list.count)
            while low < high { let middle = (low + high) / 2; if list[middle].start < annotation.start { low = middle + 1 } else { high = middle } }
            return [low - 1, low].filter { $0 >= 0 && $0 < list.count }.map { list[$0] }.min { distance($0, annotation) < distance($1, annotation) }
        }
        for annotation in annotations {
            let t = tIDs[annotation.id]!
            func note(_ text: String) { counters.note += 1; lines.append("#\(counters.note)\tAnnotatorNotes \(t)\t\(text.replacingOccurrences(of: "\n", with: " "))") }
            // An entity linked to an entry writes its database references (kept as features) as
            // normalisations, once, on its first entry; otherwise they stay notes.
            let linksAnEntry = annotation.layer == .entity && annotation.links(.ref).contains { if case .id(let id) = $0 { document.entry(id) != nil } else { false } }
            var references = annotation.features.filter { $0.key.hasPrefix(Self.referenceFeature) }.sorted { $0.key < $1.key }
                .flatMap { feature in feature.value.split(separator: " ").map { (String(feature.key.dropFirst(Self.referenceFeature.count)), String($0)) } }
            if annotation.layer != .entity, let category = annotation.category {
                counters.a += 1
                lines.append("A\(counters.a)\tCategory \(t) \(category)")
            }
            if let severity = annotation.severity {
                counters.a += 1
                lines.append("A\(counters.a)\tSeverity \(t) \(severity)")
            }
            for link in annotation.links {
                guard case .id(let target) = link.target else { note("\(link.role): unknown"); continue }
                if link.role == .ref, annotation.layer == .entity, let entry = document.entry(target) {
                    // Database references (kept as features) are written back as they came, and
                    // the entry made from one of them needs no line of its own.
                    // That one goes first, so that an import makes the same entry again.
                    let madeFrom = references.firstIndex { Identifier.madeValid("\($0.0.lowercased())-\($0.1)") == target }
                    let madeFromReference = madeFrom != nil
                    if let madeFrom { references.insert(references.remove(at: madeFrom), at: 0) }
                    for (database, id) in references {
                        counters.n += 1
                        lines.append("N\(counters.n)\tReference \(t) \(database):\(id)\t\(entry.name)")
                    }
                    references = []
                    if madeFromReference && entry.wikidata == nil { continue }
                    counters.n += 1
                    lines.append("N\(counters.n)\tReference \(t) Register:\(target)\t\(entry.name)")
                    if let wikidata = entry.wikidata {
                        counters.n += 1
                        lines.append("N\(counters.n)\tReference \(t) Wikidata:\(wikidata)\t\(entry.name)")
                    }
                    continue
                }
                // The note says exactly what the link is (an annotation as `@T12`, a category as
                // `category:TAXONOMY/ID`); the arc is for brat's eyes.
                if let taxonomy = document.taxonomy(declaring: target) {
                    note("\(link.role): category:\(taxonomy)/\(target)")
                    continue
                }
                note("\(link.role): \(tIDs[target].map { "@" + $0 } ?? target.rawValue)")
                if let other = tIDs[target] {
                    counters.r += 1
                    lines.append("R\(counters.r)\t\(relationType(link.role)) Arg1:\(t) Arg2:\(other)")
                } else if document.entry(target) != nil, let nearest = nearest(target, to: annotation) {
                    counters.r += 1
                    lines.append("R\(counters.r)\t\(relationType(link.role)) Arg1:\(t) Arg2:\(tIDs[nearest.id]!)")
                }
            }
            if !annotation.cue.isEmpty {
                counters.t += 1
                lines.append("T\(counters.t)\tCue \(span(annotation.cue))")
                counters.r += 1
                lines.append("R\(counters.r)\tCue Arg1:\(t) Arg2:T\(counters.t)")
            }
            if let correction = annotation.correction { note("correction: \(correction)") }
            for (key, value) in annotation.features.sorted(by: { $0.key < $1.key }) where !(key.hasPrefix(Self.referenceFeature) && linksAnEntry) {
                note("feature: \(key)=\(value)")
            }
            for comment in annotation.notes { note(reserved.contains(where: comment.hasPrefix) ? "note: " + comment : comment) }
            losses.countDropped(in: annotation, by: Self.self)
        }
        let linked = Set(annotations.flatMap { $0.links.compactMap { if case .id(let id) = $0.target { id } else { nil } } })
        let named = Set(annotations.filter { $0.layer == .entity }.flatMap { $0.links(.ref).compactMap { if case .id(let id) = $0 { id } else { nil } } })
        for register in document.registers {
            for entry in register.entries {
                if !linked.contains(entry.id) { losses.lost(.unlinkedEntries) }
                else if !named.contains(entry.id) { losses.lost(.entryNamesOfRolesOnly) }
            }
        }
        return (Files(text: breaks.read(document.text), annotations: lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")), losses)
    }

    /// `range` cut at its line breaks (`\n`, `\r`) into the pieces between them, none empty;
    /// a range of line breaks alone stays as it is.
    static func lineFragments(of range: TextRange, in text: SourceText) -> [TextRange] {
        var pieces: [TextRange] = []
        var start = range.start
        var offset = range.start
        for scalar in text.unicodeScalars(from: range.start, to: range.end) {
            if scalar == "\n" || scalar == "\r" {
                if offset > start, let piece = try? TextRange(start, offset) { pieces.append(piece) }
                start = offset + 1
            }
            offset += 1
        }
        if range.end > start, let piece = try? TextRange(start, range.end) { pieces.append(piece) }
        return pieces.isEmpty ? [range] : pieces
    }

    /// Pieces of one span that only a line break (`\n`, `\r` or `\r\n`) separates, joined:
    /// brat's way of storing a span across lines, read back as the one span it is.
    static func joiningLineFragments(_ ranges: [TextRange], in text: SourceText) -> [TextRange] {
        var joined: [TextRange] = []
        for range in ranges {
            if let last = joined.last, range.start > last.end, range.start - last.end <= 2,
               text.unicodeScalars(from: last.end, to: range.start).allSatisfy({ $0 == "\n" || $0 == "\r" }),
               let whole = try? TextRange(last.start, range.end) {
                joined[joined.count - 1] = whole
            } else {
                joined.append(range)
            }
        }
        return joined
    }

    static func relationType(_ role: LinkRole) -> String { role.name.prefix(1).uppercased() + role.name.dropFirst() }

    static func distance(_ a: Annotation, _ b: Annotation) -> Int {
        let (x, y) = (a.ranges[0], b.ranges[0])
        return x.end <= y.start ? y.start - x.end : y.end <= x.start ? x.start - y.end : 0
    }

    // MARK: Import

    struct TextBound { var type: String; var ranges: [TextRange]; var line: Int }

    /// A document from a `.ann` file and its text. Offsets are checked against the `.ann`'s
    /// text column; UTF-16 or UTF-8 offsets are converted and counted. An event (`E`) becomes an
    /// annotation of the layer `event` on its trigger's span, its type the category and its
    /// arguments links (`theme`, `cause`, …); an equivalence (`*`) links its first member to the
    /// others (`equiv`). A line of any other kind stops the import unless `lossy`, which counts it.
    public static func importDocument(annotations: String, text: String, id: String, file: String, lossy: Bool) throws(ImportError) -> (document: Document, losses: Losses) {
        var losses = Losses()
        let place = ImportPlace(file: file)
        func fail(_ line: Int, _ message: String, _ hint: String) -> ImportError { place.fail(line, message, hint) }
        @discardableResult func model<T>(_ line: Int, _ what: String, _ body: () throws(ModelError) -> T) throws(ImportError) -> T {
            try place.model(line, what, body)
        }
        let source = SourceText(text)
        let units = OffsetUnits(source)
        let documentID = try model(0, "document id") { () throws(ModelError) in try Identifier(id) }
        var document = try model(0, "document") { () throws(ModelError) in
            try Document(id: documentID, title: id, text: source, source: SourceDescription(fileName: id + ".txt", sha256: source.sha256))
        }
        var textBound: [String: TextBound] = [:]
        var order: [String] = []
        var attributes: [String: [String: String]] = [:]
        var references: [String: [(db: String, id: String, name: String, line: Int)]] = [:]
        var relations: [(id: String, type: String, from: String, to: String, line: Int)] = []
        var notes: [String: [(text: String, line: Int)]] = [:]
        var events: [(id: String, type: String, trigger: String, line: Int)] = []
        var lineOf: [String: Int] = [:]
        // Every id an A, N, R, E, * or # line names, to be checked once all lines are read.
        var named: [(id: String, line: Int, relationAllowed: Bool)] = []
        // A byte order mark before the first line is no part of it.
        let annotations = annotations.hasPrefix("\u{FEFF}") ? String(annotations.unicodeScalars.dropFirst()) : annotations
        // Lines end in LF or CRLF: split on the bytes (a String holds "\r\n" as one Character,
        // and splitting by Characters was a third of the import's time).
        for (index, bytes) in annotations.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let raw = Substring(bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes)
            let number = index + 1
            let line = raw
            guard line.unicodeScalars.contains(where: { $0 != " " && $0 != "\t" }) else { continue }
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            let id = fields[0]
            let body = fields.count > 1 ? fields[1].split(separator: " ").map(String.init) : []
            // T, R and E ids name one annotation each (A, N and # lines are named by what they say).
            if let kind = id.first, "TRE".contains(kind) {
                if let earlier = lineOf[id] { throw fail(number, "\(id) is already an annotation of the file (line \(earlier))", "give each annotation its own id") }
                lineOf[id] = number
            }
            switch id.first {
            case "T":
                guard fields.count == 3, body.count >= 3 else { throw fail(number, "a text-bound annotation needs ID, TYPE START END and the text", "see brat's standoff format") }
                let type = body[0]
                var ranges: [TextRange] = []
                for piece in fields[1].dropFirst(type.count + 1).split(separator: ";") {
                    let numbers = piece.split(separator: " ").compactMap { Int($0) }
                    guard numbers.count == 2 else { throw fail(number, "'\(piece)' is not START END", "offsets are START END, pieces joined by ;") }
                    ranges.append(try model(number, id) { () throws(ModelError) in try TextRange(numbers[0], numbers[1]) })
                }
                let expected = fields[2]
                ranges = try checked(ranges, expected: expected, units: units, losses: &losses) {
                    fail(number, "\(id) [\(fields[1].dropFirst(type.count + 1))] says \"\(expected)\" but the text there is \"\($0)\" (in code points, UTF-16 units and UTF-8 bytes alike)",
                         "correct the offsets, or give the text the annotations were made on; nothing was imported")
                }
                let whole = joiningLineFragments(ranges, in: source)
                if whole.count < ranges.count { losses.repaired(.fragmentsJoined) }
                textBound[id] = TextBound(type: type, ranges: whole, line: number)
                order.append(id)
            case "A", "M":
                guard body.count >= 2 else { throw fail(number, "an attribute needs NAME and the annotation", "A1\tNAME T1 [VALUE]") }
                attributes[body[1], default: [:]][body[0]] = body.count > 2 ? body[2] : "true"
                named.append((body[1], number, true))
            case "N":
                guard body.count >= 3, let colon = body[2].firstIndex(of: ":") else { throw fail(number, "a normalisation needs Reference T1 DB:ID", "N1\tReference T1 Wikidata:Q42\tName") }
                references[body[1], default: []].append((String(body[2][..<colon]), String(body[2][body[2].index(after: colon)...]), fields.count > 2 ? fields[2] : "", number))
                named.append((body[1], number, false))
            case "R":
                let args = body.dropFirst().compactMap { $0.split(separator: ":", maxSplits: 1).last.map(String.init) }
                guard body.count >= 3, args.count == 2 else { throw fail(number, "a relation needs TYPE Arg1:T1 Arg2:T2", "R1\tTYPE Arg1:T1 Arg2:T2") }
                relations.append((id, body[0], args[0], args[1], number))
                named.append((args[0], number, false))
                named.append((args[1], number, false))
            case "#":
                guard body.count >= 2, fields.count > 2 else { throw fail(number, "a note needs AnnotatorNotes T1 and the text", "#1\tAnnotatorNotes T1\ttext") }
                notes[body[1], default: []].append((fields[2], number))
                named.append((body[1], number, true))
            case "E":
                // E1\tType:T1 Theme:T2 Cause:E2: its arguments become relations from the event.
                let parts = body.map { $0.split(separator: ":", maxSplits: 1).map(String.init) }
                guard let head = parts.first, head.count == 2, parts.allSatisfy({ $0.count == 2 }) else {
                    throw fail(number, "an event needs TYPE:TRIGGER and ROLE:ID arguments", "E1\tPhosphorylation:T1 Theme:T2")
                }
                events.append((id, head[0], head[1], number))
                named.append((head[1], number, false))
                for argument in parts.dropFirst() {
                    relations.append(("\(id)-\(argument[0])", argument[0], id, argument[1], number))
                    named.append((argument[1], number, false))
                }
            case "*":
                // *\tEquiv T1 T2 T3: the first linked to the others.
                guard body.count >= 3 else { throw fail(number, "an equivalence needs TYPE and two ids or more", "*\tEquiv T1 T2") }
                for other in body.dropFirst(2) {
                    relations.append(("*\(number)-\(other)", body[0], body[1], other, number))
                    named.append((other, number, false))
                }
                named.append((body[1], number, false))
            default:
                guard lossy else {
                    throw fail(number, "'\(id)' is not a brat annotation id (T, A, M, N, R, E, *, #)", "see brat's standoff format, or pass --lossy to leave such lines out")
                }
                losses.lost(.bratLinesOfNoKind)
            }
        }
        // An event is an annotation on its trigger's span; a trigger nothing but events names is
        // no annotation of its own.
        for event in events {
            guard let trigger = textBound[event.trigger] else {
                throw fail(event.line, "the event's trigger \(event.trigger) is no text-bound annotation of the file", "check the id, or add the T line it names")
            }
            textBound[event.id] = TextBound(type: "event", ranges: trigger.ranges, line: event.line)
            order.append(event.id)
            attributes[event.id, default: [:]]["Category"] = event.type
            losses.repaired(.events)
        }
        let relationEnds = Set(relations.flatMap { [$0.from, $0.to] })
        let triggersOnly = Set(events.map(\.trigger)).filter { trigger in
            !relationEnds.contains(trigger) && attributes[trigger] == nil && notes[trigger] == nil && references[trigger] == nil
        }
        order.removeAll { triggersOnly.contains($0) }
        // Nothing hangs on an id the file does not have: that is a broken file, not a loss.
        let relationIDs = Set(relations.map(\.id))
        for (id, line, relationAllowed) in named where textBound[id] == nil && !(relationAllowed && relationIDs.contains(id)) {
            throw fail(line, "the line names \(id), which is no \(relationAllowed ? "annotation or relation" : "text-bound annotation") of the file",
                       "check the id, or add the T line it names")
        }
        // Cue spans belong to the quotation a Cue relation names.
        let cueTargets = Set(relations.filter { $0.type == "Cue" }.map(\.to))
        var newIDs: [String: Identifier] = [:]
        var made: [(t: String, annotation: Annotation)] = []
        var ids = AnnotationIDs()
        for t in order where !cueTargets.contains(t) {
            let bound = textBound[t]!
            let layerNames = ["quotation", "stance", "error"]
            let isOtherLayer = layerNames.contains(bound.type) || attributes[t]?["Category"] != nil
            let layer = try model(bound.line, t) { () throws(ModelError) in try isOtherLayer ? Layer(bound.type) : .entity }
            let categoryName = isOtherLayer ? attributes[t]?["Category"] : (bound.type == "entity" ? nil : bound.type)
            let category = try categoryName.map { (name: String) throws(ImportError) -> Identifier in
                try model(bound.line, t) { () throws(ModelError) in try Categories.declare(try Identifier(name), for: layer, in: &document, losses: &losses) }
            }
            // brat's T ids are not Standoff's: number the annotations afresh, layer by layer.
            let id = ids.next(for: layer, in: document).id
            newIDs[t] = id
            var annotation = Annotation(id: id, layer: layer, category: category, ranges: bound.ranges)
            if let severity = attributes[t]?["Severity"] { annotation.severity = ErrorSeverity(rawValue: severity) }
            // Any other attribute is a feature (a binary one reads "true").
            for (name, value) in attributes[t] ?? [:] where !["Category", "Severity"].contains(name) { annotation.features[name] = value }
            made.append((t, annotation))
        }
        let madeIndex = Dictionary(uniqueKeysWithValues: made.enumerated().map { ($1.t, $0) })
        let relationsFrom = Dictionary(grouping: relations, by: \.from)
        // Entries from the normalisations: Register:ID names one; a Wikidata id alone makes one;
        // a reference into another database (`brat_eco:ECO:0001802`) makes one whose id is the
        // reference made valid, and is kept whole as the feature `Reference:DB`, which the
        // export writes back as the same normalisation.
        var entryOf: [String: Identifier] = [:]
        for (t, list) in references.sorted(by: { $0.key < $1.key }) {
            guard let index = madeIndex[t] else { continue }
            let owner = made[index].annotation
            let register = list.first { $0.db == "Register" }
            let wikidata = list.first { $0.db == "Wikidata" }?.id
            for reference in list where reference.db != "Register" && reference.db != "Wikidata" {
                let key = Self.referenceFeature + reference.db
                made[index].annotation.features[key] = (made[index].annotation.features[key].map { $0 + " " } ?? "") + reference.id
            }
            guard let reference = register ?? list.first else { continue }
            if list.contains(where: { $0.name != reference.name }) { losses.lost(.normalisationTexts) }
            let entryID = try model(reference.line, t) { () throws(ModelError) in
                if let register { return try Identifier(register.id) }
                if let wikidata { return try RegisterEntries.entryID(forWikidata: wikidata) }
                let valid = Identifier.madeValid("\(reference.db.lowercased())-\(reference.id)")
                if valid.rawValue != "\(reference.db.lowercased())-\(reference.id)" { losses.repaired(.databaseReferences) }
                return valid
            }
            entryOf[t] = entryID
            try model(reference.line, t) { () throws(ModelError) in
                try RegisterEntries.declare(entryID, name: reference.name.isEmpty ? entryID.rawValue : reference.name, wikidata: wikidata,
                                            linkedBy: .ref, from: .entity, category: owner.category, in: &document)
            }
        }
        // Links: from the notes Standoff writes (ROLE: ID, @T for an annotation); from relations
        // (Arg2 an annotation) in files without them.
        var finished: [Annotation] = []
        for (t, original) in made {
            var annotation = original
            var links: [Link] = []
            var comments: [String] = []
            var features = annotation.features
            var roleNotes = false
            if let entryID = entryOf[t] { links.append(Link(role: .ref, target: .id(entryID))) }
            for note in notes[t] ?? [] {
                if let colon = note.text.range(of: ": "), let role = try? LinkRole(String(note.text[..<colon.lowerBound])),
                   !["correction", "feature", "note"].contains(role.name) {
                    roleNotes = true
                    let value = String(note.text[colon.upperBound...])
                    if value == "unknown" { links.append(Link(role: role, target: .unknown)); continue }
                    if let category = try model(note.line, t, { () throws(ModelError) in try Categories.target(value, in: &document) }) {
                        links.append(Link(role: role, target: .id(category)))
                        continue
                    }
                    if value.hasPrefix("@") {
                        guard let target = newIDs[String(value.dropFirst())] else { throw fail(note.line, "the note names \(value), which is no annotation of the file", "name an annotation as @T1") }
                        links.append(Link(role: role, target: .id(target)))
                        continue
                    }
                    let target = try model(note.line, t) { () throws(ModelError) in try Identifier(value) }
                    if try model(note.line, t, { () throws(ModelError) in
                        try RegisterEntries.declare(target, name: target.rawValue, linkedBy: role, from: annotation.layer, category: annotation.category, in: &document)
                    }) {
                        losses.lost(.entriesNamedByID)
                    }
                    links.append(Link(role: role, target: .id(target)))
                } else if note.text.hasPrefix("correction: ") {
                    annotation.correction = String(note.text.dropFirst("correction: ".count))
                } else if note.text.hasPrefix("feature: "), let equals = note.text.firstIndex(of: "=") {
                    features[String(note.text[note.text.index(note.text.startIndex, offsetBy: 9)..<equals])] = String(note.text[note.text.index(after: equals)...])
                } else {
                    comments.append(note.text.hasPrefix("note: ") ? String(note.text.dropFirst(6)) : note.text)
                }
            }
            for relation in relationsFrom[t] ?? [] {
                // What brat says of a relation (its attributes, its notes) has no place on a
                // link: it is kept as a note of the relation's first argument, naming the relation.
                let said = (attributes[relation.id] ?? [:]).sorted { $0.key < $1.key }.map { $0.value == "true" ? $0.key : "\($0.key)=\($0.value)" }
                    + (notes[relation.id] ?? []).map(\.text)
                if !said.isEmpty {
                    comments.append("\(relation.type) \(newIDs[relation.to]?.rawValue ?? relation.to): " + said.joined(separator: "; "))
                    losses.lost(.relationsWithAttributes)
                }
                if relation.type == "Cue", let cue = textBound[relation.to] { annotation.cue += cue.ranges; continue }
                guard !roleNotes else { continue }
                guard let target = newIDs[relation.to] else { losses.lost(.relationsToCues); continue }
                let role = try model(relation.line, relation.type) { () throws(ModelError) in try LinkRole(relation.type.lowercased()) }
                links.append(Link(role: role, target: .id(target)))
            }
            annotation.links = links
            annotation.notes = comments
            annotation.features = features
            finished.append(annotation)
        }
        for (index, annotation) in finished.enumerated() {
            try model(textBound[made[index].t]!.line, made[index].t) { () throws(ModelError) in try document.add(annotation, checkingLinks: false) }
        }
        if let (annotation, link) = document.unresolvedLinks().first {
            throw fail(0, "\(annotation): \(link.role) link points at '\(link.target)', which the file does not declare", "check the notes and normalisations")
        }
        return (document, losses)
    }

    /// The ranges, checked against the `.ann`'s text (pieces joined by a space; line breaks
    /// read as spaces), read in another unit (``OffsetUnits``) if only that fits.
    static func checked(_ ranges: [TextRange], expected: String, units: OffsetUnits, losses: inout Losses,
                        fail: (String) -> ImportError) throws(ImportError) -> [TextRange] {
        let text = units.text
        func covered(_ ranges: [TextRange]) -> String? {
            guard ranges.allSatisfy({ $0.end <= text.count }) else { return nil }
            return ranges.map { text[$0].replacingOccurrences(of: "\n", with: " ") }.joined(separator: " ")
        }
        // The common case at once: one range, its text exactly the file's.
        if ranges.count == 1, text.matches(expected, at: ranges[0]) { return ranges }
        let normalised = expected.replacingOccurrences(of: "\n", with: " ")
        if covered(ranges) == normalised { return ranges }
        for reading in units.readings(of: ranges.map { ($0.start, $0.end) }) where covered(reading.ranges) == normalised {
            losses.repaired(reading.repair)
            return reading.ranges
        }
        throw fail(covered(ranges) ?? "(outside the text)")
    }
}
