import StandoffModel

extension Brat {
    /// A document from a `.ann` file and its text. Offsets are checked against the `.ann`'s
    /// text column; UTF-16 or UTF-8 offsets are converted and counted. An event (`E`) becomes an
    /// annotation of the layer `event` on its trigger's span, its type the category and its
    /// arguments links (`theme`, `cause`, …); an equivalence (`*`) links its first member to the
    /// others (`equiv`). A line of any other kind stops the import unless `lossy`, which counts it.
    public static func importDocument(annotations: String, text: String, id: String, file: String, lossy: Bool) throws(ImportError) -> (document: Document, losses: Losses) {
        let source = SourceText(text)
        var session = try ImportSession(file: file, documentID: id, text: source, sourceFile: id + ".txt")
        var lines = BratLines(units: OffsetUnits(source), lossy: lossy)
        try lines.read(annotations, in: &session)
        try lines.makeEvents(in: &session)
        try lines.checkNamedIDs(in: session)
        var build = BratBuild(lines: lines, session: session)
        try build.makeAnnotations()
        try build.declareEntries()
        try build.finish()
        try build.session.checkLinks(hint: "check the notes and normalisations")
        return build.session.result
    }
}

/// A `.ann` file as read, line by line: its text-bound spans, attributes, normalisations,
/// relations, notes and events, each with the line it came from.
private struct BratLines {
    struct TextBound { var type: String; var ranges: [TextRange]; var line: Int }

    let units: OffsetUnits
    let lossy: Bool
    var textBound: [String: TextBound] = [:]
    var order: [String] = []
    var attributes: [String: [String: String]] = [:]
    var references: [String: [(db: String, id: String, name: String, line: Int)]] = [:]
    var relations: [(id: String, type: String, from: String, to: String, line: Int)] = []
    var notes: [String: [(text: String, line: Int)]] = [:]
    var events: [(id: String, type: String, trigger: String, line: Int)] = []
    var lineOf: [String: Int] = [:]
    /// Every id an A, N, R, E, * or # line names, to be checked once all lines are read.
    var named: [(id: String, line: Int, relationAllowed: Bool)] = []

    init(units: OffsetUnits, lossy: Bool) {
        self.units = units
        self.lossy = lossy
    }

    mutating func read(_ annotations: String, in session: inout ImportSession) throws(ImportError) {
        // A byte order mark before the first line is no part of it.
        let annotations = annotations.hasPrefix("\u{FEFF}") ? String(annotations.unicodeScalars.dropFirst()) : annotations
        // Lines end in LF or CRLF: split on the bytes (a String holds "\r\n" as one Character,
        // and splitting by Characters was a third of the import's time).
        for (index, bytes) in annotations.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let line = Substring(bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes)
            guard line.unicodeScalars.contains(where: { $0 != " " && $0 != "\t" }) else { continue }
            try read(line: line, number: index + 1, in: &session)
        }
    }

    mutating func read(line: Substring, number: Int, in session: inout ImportSession) throws(ImportError) {
        let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        let id = fields[0]
        let body = fields.count > 1 ? fields[1].split(separator: " ").map(String.init) : []
        // T, R and E ids name one annotation each (A, N and # lines are named by what they say).
        if let kind = id.first, "TRE".contains(kind) {
            if let earlier = lineOf[id] { throw session.fail(number, "\(id) is already an annotation of the file (line \(earlier))", "give each annotation its own id") }
            lineOf[id] = number
        }
        switch id.first {
        case "T": try readTextBound(id, fields, body, number, in: &session)
        case "A", "M":
            guard body.count >= 2 else { throw session.fail(number, "an attribute needs NAME and the annotation", "A1\tNAME T1 [VALUE]") }
            attributes[body[1], default: [:]][body[0]] = body.count > 2 ? body[2] : "true"
            named.append((body[1], number, true))
        case "N":
            guard body.count >= 3, let colon = body[2].firstIndex(of: ":") else { throw session.fail(number, "a normalisation needs Reference T1 DB:ID", "N1\tReference T1 Wikidata:Q42\tName") }
            references[body[1], default: []].append((String(body[2][..<colon]), String(body[2][body[2].index(after: colon)...]), fields.count > 2 ? fields[2] : "", number))
            named.append((body[1], number, false))
        case "R":
            let args = body.dropFirst().compactMap { $0.split(separator: ":", maxSplits: 1).last.map(String.init) }
            guard body.count >= 3, args.count == 2 else { throw session.fail(number, "a relation needs TYPE Arg1:T1 Arg2:T2", "R1\tTYPE Arg1:T1 Arg2:T2") }
            relations.append((id, body[0], args[0], args[1], number))
            named += [(args[0], number, false), (args[1], number, false)]
        case "#":
            guard body.count >= 2, fields.count > 2 else { throw session.fail(number, "a note needs AnnotatorNotes T1 and the text", "#1\tAnnotatorNotes T1\ttext") }
            notes[body[1], default: []].append((fields[2], number))
            named.append((body[1], number, true))
        case "E": try readEvent(id, body, number, in: session)
        case "*":
            // *\tEquiv T1 T2 T3: the first linked to the others.
            guard body.count >= 3 else { throw session.fail(number, "an equivalence needs TYPE and two ids or more", "*\tEquiv T1 T2") }
            for other in body.dropFirst(2) {
                relations.append(("*\(number)-\(other)", body[0], body[1], other, number))
                named.append((other, number, false))
            }
            named.append((body[1], number, false))
        default:
            guard lossy else {
                throw session.fail(number, "'\(id)' is not a brat annotation id (T, A, M, N, R, E, *, #)", "see brat's standoff format, or pass --lossy to leave such lines out")
            }
            session.losses.lost(.bratLinesOfNoKind)
        }
    }

    mutating func readTextBound(_ id: String, _ fields: [String], _ body: [String], _ number: Int, in session: inout ImportSession) throws(ImportError) {
        guard fields.count == 3, body.count >= 3 else { throw session.fail(number, "a text-bound annotation needs ID, TYPE START END and the text", "see brat's standoff format") }
        let type = body[0]
        var ranges: [TextRange] = []
        for piece in fields[1].dropFirst(type.count + 1).split(separator: ";") {
            let numbers = piece.split(separator: " ").compactMap { Int($0) }
            guard numbers.count == 2 else { throw session.fail(number, "'\(piece)' is not START END", "offsets are START END, pieces joined by ;") }
            ranges.append(try session.model(number, id) { () throws(ModelError) in try TextRange(numbers[0], numbers[1]) })
        }
        let expected = fields[2]
        let place = ImportError.Place(file: session.file)
        ranges = try Brat.checked(ranges, expected: expected, units: units, losses: &session.losses) {
            place.fail(number, "\(id) [\(fields[1].dropFirst(type.count + 1))] says \"\(expected)\" but the text there is \"\($0)\" (in code points, UTF-16 units and UTF-8 bytes alike)",
                       "correct the offsets, or give the text the annotations were made on; nothing was imported")
        }
        let whole = Brat.joiningLineFragments(ranges, in: units.text)
        if whole.count < ranges.count { session.losses.repaired(.fragmentsJoined) }
        textBound[id] = TextBound(type: type, ranges: whole, line: number)
        order.append(id)
    }

    /// E1\tType:T1 Theme:T2 Cause:E2: its arguments become relations from the event.
    mutating func readEvent(_ id: String, _ body: [String], _ number: Int, in session: ImportSession) throws(ImportError) {
        let parts = body.map { $0.split(separator: ":", maxSplits: 1).map(String.init) }
        guard let head = parts.first, head.count == 2, parts.allSatisfy({ $0.count == 2 }) else {
            throw session.fail(number, "an event needs TYPE:TRIGGER and ROLE:ID arguments", "E1\tPhosphorylation:T1 Theme:T2")
        }
        events.append((id, head[0], head[1], number))
        named.append((head[1], number, false))
        for argument in parts.dropFirst() {
            relations.append(("\(id)-\(argument[0])", argument[0], id, argument[1], number))
            named.append((argument[1], number, false))
        }
    }

    /// An event is an annotation on its trigger's span; a trigger nothing but events names is
    /// no annotation of its own.
    mutating func makeEvents(in session: inout ImportSession) throws(ImportError) {
        for event in events {
            guard let trigger = textBound[event.trigger] else {
                throw session.fail(event.line, "the event's trigger \(event.trigger) is no text-bound annotation of the file", "check the id, or add the T line it names")
            }
            textBound[event.id] = TextBound(type: "event", ranges: trigger.ranges, line: event.line)
            order.append(event.id)
            attributes[event.id, default: [:]][Brat.categoryAttribute] = event.type
            session.losses.repaired(.events)
        }
        let relationEnds = Set(relations.flatMap { [$0.from, $0.to] })
        let triggersOnly = Set(events.map(\.trigger)).filter { trigger in
            !relationEnds.contains(trigger) && attributes[trigger] == nil && notes[trigger] == nil && references[trigger] == nil
        }
        order.removeAll { triggersOnly.contains($0) }
    }

    /// Nothing hangs on an id the file does not have: that is a broken file, not a loss.
    func checkNamedIDs(in session: ImportSession) throws(ImportError) {
        let relationIDs = Set(relations.map(\.id))
        for (id, line, relationAllowed) in named where textBound[id] == nil && !(relationAllowed && relationIDs.contains(id)) {
            throw session.fail(line, "the line names \(id), which is no \(relationAllowed ? "annotation or relation" : "text-bound annotation") of the file",
                               "check the id, or add the T line it names")
        }
    }
}

/// The annotations made from a `.ann` file's lines: numbered afresh, their register entries
/// declared from the normalisations, their links from the notes and relations.
private struct BratBuild {
    let lines: BratLines
    var session: ImportSession
    var newIDs: [String: Identifier] = [:]
    var made: [(t: String, annotation: Annotation)] = []
    var entryOf: [String: Identifier] = [:]

    init(lines: BratLines, session: ImportSession) {
        self.lines = lines
        self.session = session
    }

    /// One annotation a T line (cue spans belong to the quotation a Cue relation names), its
    /// layer and category as the mapping says, its other attributes features.
    mutating func makeAnnotations() throws(ImportError) {
        let cueTargets = Set(lines.relations.filter { $0.type == Brat.cueType }.map(\.to))
        for t in lines.order where !cueTargets.contains(t) {
            let bound = lines.textBound[t]!
            let attributes = lines.attributes[t] ?? [:]
            let (layer, categoryName) = try session.model(bound.line, t) { () throws(ModelError) in
                try Brat.layer(ofType: bound.type, categoryAttribute: attributes[Brat.categoryAttribute])
            }
            let category = try categoryName.map { (name: String) throws(ImportError) -> Identifier in try session.category(name, for: layer, line: bound.line, what: t) }
            // brat's T ids are not Standoff's: number the annotations afresh, layer by layer.
            let id = session.newID(for: layer)
            newIDs[t] = id
            var annotation = Annotation(id: id, layer: layer, category: category, ranges: bound.ranges)
            if let severity = attributes[Brat.severityAttribute] { annotation.severity = ErrorSeverity(rawValue: severity) }
            // Any other attribute is a feature (a binary one reads "true").
            for (name, value) in attributes where ![Brat.categoryAttribute, Brat.severityAttribute].contains(name) { annotation.features[name] = value }
            made.append((t, annotation))
        }
    }

    /// Entries from the normalisations: Register:ID names one; a Wikidata id alone makes one;
    /// a reference into another database (`brat_eco:ECO:0001802`) makes one whose id is the
    /// reference made valid, and is kept whole as the feature `Reference:DB`, which the export
    /// writes back as the same normalisation.
    mutating func declareEntries() throws(ImportError) {
        let madeIndex = Dictionary(uniqueKeysWithValues: made.enumerated().map { ($1.t, $0) })
        for (t, list) in lines.references.sorted(by: { $0.key < $1.key }) {
            guard let index = madeIndex[t] else { continue }
            let register = list.first { $0.db == "Register" }
            let wikidata = list.first { $0.db == "Wikidata" }?.id
            for reference in list where reference.db != "Register" && reference.db != "Wikidata" {
                let key = Brat.referenceFeature + reference.db
                made[index].annotation.features[key] = (made[index].annotation.features[key].map { $0 + " " } ?? "") + reference.id
            }
            guard let reference = register ?? list.first else { continue }
            if list.contains(where: { $0.name != reference.name }) { session.losses.lost(.normalisationTexts) }
            let made = reference.db.lowercased() + "-" + reference.id
            let entryID = try session.model(reference.line, t) { () throws(ModelError) in
                if let register { return try Identifier(register.id) }
                if let wikidata { return try RegisterEntries.entryID(forWikidata: wikidata) }
                return Identifier.madeValid(made)
            }
            if register == nil && wikidata == nil && entryID.rawValue != made { session.losses.repaired(.databaseReferences) }
            entryOf[t] = entryID
            let owner = self.made[index].annotation
            try session.edit(reference.line, t) { (document) throws(ModelError) in
                try RegisterEntries.declare(entryID, name: reference.name.isEmpty ? entryID.rawValue : reference.name, wikidata: wikidata,
                                            linkedBy: .ref, from: .entity, category: owner.category, in: &document)
            }
        }
    }

    /// Links from the notes Standoff writes (ROLE: ID, @T for an annotation) and from relations
    /// (Arg2 an annotation) in files without them; the other notes are corrections, features
    /// or comments.
    mutating func finish() throws(ImportError) {
        let relationsFrom = Dictionary(grouping: lines.relations, by: \.from)
        for (t, original) in made {
            var annotation = original
            if let entryID = entryOf[t] { annotation.links.append(Link(role: .ref, target: .id(entryID))) }
            let roleNotes = try readNotes(of: t, into: &annotation)
            for relation in relationsFrom[t] ?? [] { try read(relation, roleNotes: roleNotes, into: &annotation) }
            try session.add(annotation, line: lines.textBound[t]!.line)
        }
    }

    /// The notes of `t` read into `annotation`; whether any named a link (then relations are arcs only).
    mutating func readNotes(of t: String, into annotation: inout Annotation) throws(ImportError) -> Bool {
        var roleNotes = false
        for note in lines.notes[t] ?? [] {
            if let colon = note.text.range(of: ": "), let role = try? LinkRole(String(note.text[..<colon.lowerBound])),
               !["correction", "feature", "note"].contains(role.name) {
                roleNotes = true
                let value = String(note.text[colon.upperBound...])
                let newIDs = self.newIDs
                let place = ImportError.Place(file: session.file)
                let target = try session.resolveLink(value, role: role, of: annotation, line: note.line, annotation: { (value) throws(ImportError) -> Identifier? in
                    guard value.hasPrefix("@") else { return nil }
                    guard let target = newIDs[String(value.dropFirst())] else { throw place.fail(note.line, "the note names \(value), which is no annotation of the file", "name an annotation as @T1") }
                    return target
                }, entryLoss: .entriesNamedByID)
                annotation.links.append(Link(role: role, target: target))
            } else if note.text.hasPrefix("correction: ") {
                annotation.correction = String(note.text.dropFirst("correction: ".count))
            } else if note.text.hasPrefix("feature: "), let equals = note.text.firstIndex(of: "=") {
                annotation.features[String(note.text[note.text.index(note.text.startIndex, offsetBy: 9)..<equals])] = String(note.text[note.text.index(after: equals)...])
            } else {
                annotation.notes.append(note.text.hasPrefix("note: ") ? String(note.text.dropFirst(6)) : note.text)
            }
        }
        return roleNotes
    }

    /// A relation from the annotation: a cue span, or (when no note named the links) a link.
    /// What brat says of a relation (its attributes, its notes) has no place on a link: it is
    /// kept as a note of the relation's first argument, naming the relation.
    mutating func read(_ relation: (id: String, type: String, from: String, to: String, line: Int), roleNotes: Bool,
                       into annotation: inout Annotation) throws(ImportError) {
        let said = (lines.attributes[relation.id] ?? [:]).sorted { $0.key < $1.key }.map { $0.value == "true" ? $0.key : "\($0.key)=\($0.value)" }
            + (lines.notes[relation.id] ?? []).map(\.text)
        if !said.isEmpty {
            annotation.notes.append("\(relation.type) \(newIDs[relation.to]?.rawValue ?? relation.to): " + said.joined(separator: "; "))
            session.losses.lost(.relationsWithAttributes)
        }
        if relation.type == Brat.cueType, let cue = lines.textBound[relation.to] { annotation.cue += cue.ranges; return }
        guard !roleNotes else { return }
        guard let target = newIDs[relation.to] else { session.losses.lost(.relationsToCues); return }
        let role = try session.model(relation.line, relation.type) { () throws(ModelError) in try Brat.role(ofRelationType: relation.type) }
        annotation.links.append(Link(role: role, target: .id(target)))
    }
}

extension Brat {
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
