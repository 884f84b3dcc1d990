import StandoffModel
import StandoffXML

extension InlineTEI {
    /// Makes a document of TEI with inline markup (docs/FORMATS.md, "Inline TEI import"): the
    /// text of `<body>` (``InlineTEIReader``), entities from `persName`, `placeName`, `orgName`,
    /// `geogName`, `rs` and `name` (`@ref`, `@key`) linked to the file's own register entries,
    /// quotations from `said`, `quote` and `q` (`@who` the speaker), errors from `choice` (`sic`
    /// with `corr`, `orig` with `reg`), `subst` (`del` with `add`) and a lone `sic` (the text keeps
    /// the original reading; the other is the correction), stances and custom layers from `seg`
    /// with `@type` and `@ana`; fragments joined by `@prev`/`@next` are one annotation. Every
    /// other element of the text is read as its text only, counted by name.
    public static func importDocument(path: String, id: String) throws(ImportError) -> (document: Document, losses: Losses) {
        let place = ImportError.Place(file: path)
        let reader = InlineTEIReader()
        let parser = SAXParser(handler: reader)
        parser.parse(path: path)
        if let failure = parser.failures.first(where: \.isFatal) { throw place.fail(failure.line, failure.message, "give a well-formed TEI file") }
        guard reader.rootName == "TEI", reader.rootNamespace == "http://www.tei-c.org/ns/1.0" else {
            throw place.fail(1, "the root element is <\(reader.rootName ?? "")>, not <TEI> in the TEI namespace", "give a TEI P5 file (namespace http://www.tei-c.org/ns/1.0)")
        }
        guard !reader.paragraphs.isEmpty else { throw place.fail(0, "has no text in <body>", "inline TEI holds its text in <text><body>") }
        let text = SourceText(reader.paragraphs.joined(separator: "\n"))
        var starts: [Int] = []
        var offset = 0
        for paragraph in reader.paragraphs {
            starts.append(offset)
            offset += paragraph.unicodeScalars.count + 1
        }
        func global(_ place: (paragraph: Int, offset: Int), isEnd: Bool) -> Int {
            guard place.paragraph < starts.count else { return text.count }
            // An end at the very start of a paragraph ends the one before (not its break).
            if isEnd && place.offset == 0 && place.paragraph > 0 { return starts[place.paragraph] - 1 }
            return starts[place.paragraph] + place.offset
        }
        var build = InlineBuild(session: try ImportSession(file: path, documentID: id, title: reader.title, language: reader.language ?? "en", text: text))
        try build.declareEntries(reader.entries)
        try build.declareCategories(reader.categories)
        try build.read(reader.elements, place: global)
        try build.addPending()
        for (kind, count) in reader.setAsideElements { build.losses.lost(kind, count) }
        build.losses.repaired(.emptyOriginals, reader.emptyOriginals)
        return build.session.result
    }

    /// The document being made from the elements of the text.
    struct InlineBuild {
        var session: ImportSession
        var document: Document {
            get { session.document }
            _modify { yield &session.document }
        }
        var losses: Losses {
            get { session.losses }
            _modify { yield &session.losses }
        }
        /// The annotation each fragment's xml:id stands for (`@prev`/`@next` join fragments).
        var fragmentOf: [String: Identifier] = [:]
        var nextOf: [String: Identifier] = [:]
        /// The annotations made, added to the document once every fragment is joined to its
        /// annotation (joining in the document, a removal and an addition each, made a long
        /// paragraph of fragments quadratic).
        var pending: [(annotation: Annotation, line: Int, element: String)] = []
        var pendingIndex: [Identifier: Int] = [:]

        static let entityElements: [String: String] = ["persName": "PER", "orgName": "ORG", "placeName": "GPE", "geogName": "LOC", "rs": "MISC", "name": "MISC"]
        static let rsTypes: [String: String] = ["person": "PER", "persName": "PER", "place": "GPE", "placeName": "GPE", "org": "ORG", "organisation": "ORG",
                                                "organization": "ORG", "orgName": "ORG", "date": "DATE", "event": "EVENT"]
        static let severities: Set<String> = ["minor", "major", "critical"]

        init(session: ImportSession) { self.session = session }

        /// The file's registers.
        mutating func declareEntries(_ entries: [InlineTEIReader.Entry]) throws(ImportError) {
            for entry in entries {
                guard let entryID = try? Identifier(entry.id) else { losses.lost(.entriesWithoutID); continue }
                let kind: EntryKind = entry.kind == "person" ? .person : entry.kind == "org" ? .organisation : .place
                let wikidata = entry.wikidata.flatMap { RegisterEntry.isWikidataID($0) ? $0 : nil }
                let names = entry.names.filter { !$0.isEmpty }
                try session.edit(entry.line, "register entry '\(entry.id)'") { (document) throws(ModelError) in
                    try document.add(RegisterEntry(id: entryID, kind: kind, name: names.first ?? entry.id, aliases: Array(names.dropFirst()), wikidata: wikidata))
                }
            }
        }

        /// The header's taxonomies (Standoff's export names them `taxonomy-LAYER`), so that
        /// categories used by @ana and pointed at by links (a stance's topic) are declared.
        mutating func declareCategories(_ categories: [InlineTEIReader.Category]) throws(ImportError) {
            for category in categories {
                let taxonomyName = category.taxonomy.hasPrefix("taxonomy-") ? String(category.taxonomy.dropFirst(9)) : category.taxonomy
                guard let taxonomyID = try? Identifier(taxonomyName), let categoryID = try? Identifier(category.id) else {
                    losses.lost(.headerCategoriesWithoutID)
                    continue
                }
                guard document.kind(of: categoryID) == nil else { continue }
                try session.edit(0, "category '\(category.id)'") { (document) throws(ModelError) in
                    if document.taxonomy(taxonomyID) == nil { try document.add(Taxonomy(id: taxonomyID)) }
                    try document.add(StandoffModel.Category(id: categoryID, description: category.description), to: taxonomyID)
                }
            }
        }

        mutating func read(_ elements: [InlineTEIReader.Element], place: ((paragraph: Int, offset: Int), Bool) -> Int) throws(ImportError) {
            let originals = Set(elements.compactMap(\.original))
            for (index, element) in elements.enumerated() {
                let range = (place(element.start, false), place(element.end, true))
                switch element.name {
                case "persName", "orgName", "placeName", "geogName", "rs", "name":
                    let fallback = element.name == "rs" || element.name == "name"
                        ? element.attributes["type"].flatMap { Self.rsTypes[$0] ?? (($0.first?.isUppercase ?? false) ? $0 : nil) } ?? "MISC"
                        : Self.entityElements[element.name]!
                    try add(.entity, category: anaTokens(element).first ?? fallback, range: range, element: element,
                            links: try pointers(element.attributes["ref"], role: .ref, element: element) + key(element))
                case "said", "quote", "q":
                    let category = anaTokens(element).first ?? (element.attributes["direct"] == "false" ? "indirect" : "direct")
                    try add(.quotation, category: category, range: range, element: element, links: try pointers(element.attributes["who"], role: .speaker, element: element))
                case "choice", "subst":
                    guard let original = element.original else { continue }
                    let reading = elements[original]
                    if reading.name == "abbr" { losses.lost(.abbreviations); continue }
                    let tokens = anaTokens(reading)
                    let category = tokens.first { !Self.severities.contains($0) } ?? ["sic": "sic", "orig": "orig", "del": "deletion"][reading.name] ?? reading.name
                    try add(.error, category: category, severity: tokens.first { Self.severities.contains($0) },
                            range: (place(reading.start, false), place(reading.end, true)), element: reading,
                            links: [], correction: InlineTEIReader.normalized(element.setAside))
                case "sic" where element.group == nil:
                    let tokens = anaTokens(element)
                    try add(.error, category: tokens.first { !Self.severities.contains($0) } ?? "sic", severity: tokens.first { Self.severities.contains($0) },
                            range: range, element: element, links: [])
                case "seg":
                    try segment(element, range: range)
                default:
                    if originals.contains(index) { continue }
                    losses.lost(.readAsText(element.name))
                }
            }
        }

        /// The categories `@ana` points at, without their `#`.
        func anaTokens(_ element: InlineTEIReader.Element) -> [String] {
            (element.attributes["ana"] ?? "").split(separator: " ").map { $0.hasPrefix("#") ? String($0.dropFirst()) : String($0) }
        }

        /// Links of `role` to what `value`'s pointers name: the file's own entries (`#kim`),
        /// Wikidata IRIs (an entry `wd-Q…` made for each), or counted as lost.
        mutating func pointers(_ value: String?, role: LinkRole, element: InlineTEIReader.Element) throws(ImportError) -> [Link] {
            var links: [Link] = []
            for pointer in (value ?? "").split(separator: " ").map(String.init) {
                if pointer.hasPrefix("#"), let id = try? Identifier(String(pointer.dropFirst())) {
                    if document.kind(of: id) != nil || document.taxonomy(declaring: id) != nil { links.append(Link(role: role, target: .id(id))); continue }
                    losses.lost(.undeclaredPointers)
                } else if let wikidata = RegisterEntries.wikidataID(fromIRI: pointer) {
                    let id = try model(element.line, "entry for \(pointer)") { () throws(ModelError) in try RegisterEntries.entryID(forWikidata: wikidata) }
                    try model(element.line, "entry for \(pointer)") { () throws(ModelError) in
                        if try RegisterEntries.declare(id, name: wikidata, wikidata: wikidata, linkedBy: role, from: role == .speaker ? .quotation : .entity,
                                                       category: nil, in: &document) {
                            losses.repaired(.entriesForWikidata)
                        }
                    }
                    links.append(Link(role: role, target: .id(id)))
                } else {
                    losses.lost(.outsidePointers)
                }
            }
            return links
        }

        /// `@key`: the id of an entry of the file, or one made for it.
        mutating func key(_ element: InlineTEIReader.Element) throws(ImportError) -> [Link] {
            guard let key = element.attributes["key"] else { return [] }
            guard let id = try? Identifier(key) else { losses.lost(.keysNotIDs); return [] }
            if document.kind(of: id) == nil {
                try model(element.line, "entry for @key \(key)") { () throws(ModelError) in
                    try RegisterEntries.declare(id, name: key, linkedBy: .ref, from: .entity, category: nil, in: &document)
                }
                losses.repaired(.entriesForKeys)
            }
            return [Link(role: .ref, target: .id(id))]
        }

        mutating func segment(_ element: InlineTEIReader.Element, range: (Int, Int)) throws(ImportError) {
            let tokens = anaTokens(element)
            // The layer: @type when it names one, else the layer whose taxonomy declares the category.
            var layer: Layer?
            if let type = element.attributes["type"], let named = try? Layer(type), named.isBuiltIn || document.taxonomy(named.taxonomyID) != nil || tokens.isEmpty == false {
                layer = named
            }
            if layer == nil, let first = tokens.first, let taxonomy = document.taxonomy(declaring: (try? Identifier(first)) ?? "x") { layer = try? Layer(taxonomy.rawValue) }
            guard let layer, let category = tokens.first else { losses.lost(.segsWithoutLayer); return }
            var links: [Link] = []
            let pointed = try pointers(element.attributes["corresp"], role: .target, element: element)
            if layer == .stance {
                // Standoff writes the holder first, then the targets.
                if let holder = pointed.first { links.append(Link(role: .holder, target: holder.target)) }
                links += pointed.dropFirst()
            } else {
                links = pointed.map { Link(role: .ref, target: $0.target) }
            }
            try add(layer, category: category, range: range, element: element, links: links)
        }

        /// Adds the annotation an element stands for, or joins it to the annotation of the
        /// fragment it continues.
        mutating func add(_ layer: Layer, category: String, severity: String? = nil, range: (start: Int, end: Int), element: InlineTEIReader.Element,
                          links: [Link], correction: String? = nil) throws(ImportError) {
            guard range.start < range.end else { losses.lost(.emptyElements); return }
            let line = element.line
            let piece = try model(line, "range \(range.start)–\(range.end)") { () throws(ModelError) in try TextRange(range.start, range.end) }
            let xmlID = element.attributes["xml:id"]
            let continued = element.attributes["prev"].flatMap { fragmentOf[String($0.dropFirst())] } ?? xmlID.flatMap { nextOf[$0] }
            if let continued, let index = pendingIndex[continued] {
                let existing = pending[index].annotation
                var ranges = existing.ranges + [piece]
                ranges.sort()
                // Pieces that touch (split only where markup had to nest) are one range again.
                var joined: [TextRange] = []
                for range in ranges {
                    if let last = joined.last, last.end >= range.start {
                        joined[joined.count - 1] = try model(line, "range") { () throws(ModelError) in try TextRange(last.start, max(last.end, range.end)) }
                    } else {
                        joined.append(range)
                    }
                }
                pending[index].annotation.ranges = joined
                if let xmlID { fragmentOf[xmlID] = existing.id }
                if let next = element.attributes["next"] { nextOf[String(next.dropFirst())] = existing.id }
                return
            }
            let categoryID = try session.category(category, for: layer, line: line, what: "category '\(category)'")
            let (id, _) = session.ids.next(for: layer, wanting: xmlID.flatMap { try? Identifier($0) }, in: document)
            let annotation = Annotation(id: id, layer: layer, category: categoryID, ranges: [piece], links: links,
                                        correction: correction, severity: severity.flatMap(ErrorSeverity.init(rawValue:)))
            pendingIndex[id] = pending.count
            pending.append((annotation, line, element.name))
            if let xmlID { fragmentOf[xmlID] = id }
            if let next = element.attributes["next"] { nextOf[String(next.dropFirst())] = id }
        }

        /// The annotations made, in the order their first fragments came.
        mutating func addPending() throws(ImportError) {
            for (annotation, line, element) in pending {
                try session.edit(line, "<\(element)>") { (document) throws(ModelError) in _ = try document.add(annotation) }
            }
        }

        @discardableResult func model<T>(_ line: Int, _ what: String, _ body: () throws(ModelError) -> T) throws(ImportError) -> T {
            try session.model(line, what, body)
        }
    }
}
