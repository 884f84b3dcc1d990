import StandoffModel

/// One import under way: the file read, the document being built, what was lost or repaired,
/// and the ids given so far. Every importer builds its document through one, so that they stop
/// alike (``fail(_:_:_:)`` names the file and the line; the model's refusals are worded as such
/// errors) and resolve links alike (``resolveLink(_:role:of:line:annotation:entryLoss:)``).
struct ImportSession {
    let file: String
    var document: Document
    var losses = Losses()
    var ids = AnnotationIDs()

    /// A session building a document over `text` (its checksum recorded as the source's).
    init(file: String, documentID: String, title: String? = nil, language: String = "en", text: SourceText,
         sourceFile: String = "") throws(ImportError) {
        self.file = file
        let place = ImportError.Place(file: file)
        let id = try place.model(0, "document id") { () throws(ModelError) in try Identifier(documentID) }
        document = try place.model(0, "document") { () throws(ModelError) in
            try Document(id: id, title: title ?? documentID, language: language, text: text,
                         source: SourceDescription(fileName: sourceFile, sha256: text.sha256))
        }
    }

    /// An error at `line` of the file (0: the file as a whole).
    func fail(_ line: Int, _ message: String, _ hint: String) -> ImportError {
        ImportError(file: file, line: line, message: message, hint: hint)
    }

    /// `body`'s result, or its refusal as an import error at `line` about `what`.
    @discardableResult
    func model<T>(_ line: Int, _ what: String, _ body: () throws(ModelError) -> T) throws(ImportError) -> T {
        try ImportError.Place(file: file).model(line, what, body)
    }

    /// `body` run on the document, its refusal an import error at `line` about `what`.
    @discardableResult
    mutating func edit<T>(_ line: Int, _ what: String, _ body: (inout Document) throws(ModelError) -> T) throws(ImportError) -> T {
        do throws(ModelError) { return try body(&document) } catch { throw fail(line, "\(what): \(error.description)", error.hint) }
    }

    /// The category `label` of `layer`, declared as the file uses it (``Categories``).
    mutating func category(_ label: String, for layer: Layer, line: Int, what: String) throws(ImportError) -> Identifier {
        var losses = self.losses
        defer { self.losses = losses }
        return try edit(line, what) { (document) throws(ModelError) in try Categories.declare(try Identifier(label), for: layer, in: &document, losses: &losses) }
    }

    /// A fresh id for an annotation of `layer` (the one wanted when free; a renumbering counted).
    mutating func newID(for layer: Layer, wanting wanted: Identifier? = nil) -> Identifier {
        let (id, renumbered) = ids.next(for: layer, wanting: wanted, in: document)
        if renumbered { losses.repaired(.renumbered) }
        return id
    }

    /// What a link's written target names, tried in one order for every format: `unknown`; a
    /// category written `category:TAXONOMY/ID` (declared if new); an annotation of the file
    /// (`annotation` says which, in the format's own terms); else a register entry by id,
    /// declared if the file did not (of the kind the link expects, named by its id, counted
    /// under `entryLoss`).
    mutating func resolveLink(_ value: String, role: LinkRole, of annotation: Annotation, line: Int,
                              annotation named: (String) throws(ImportError) -> Identifier?, entryLoss: LossKind) throws(ImportError) -> LinkTarget {
        if value == "unknown" { return .unknown }
        if let category = try edit(line, value, { (document) throws(ModelError) in try Categories.target(value, in: &document) }) { return .id(category) }
        if let target = try named(value) { return .id(target) }
        let target = try model(line, value) { () throws(ModelError) in try Identifier(value) }
        if try edit(line, value, { (document) throws(ModelError) in
            try RegisterEntries.declare(target, name: target.rawValue, linkedBy: role, from: annotation.layer, category: annotation.category, in: &document)
        }) {
            losses.lost(entryLoss)
        }
        return .id(target)
    }

    /// Adds a finished annotation (its links checked once all are in: ``checkLinks(hint:)``).
    mutating func add(_ annotation: Annotation, line: Int) throws(ImportError) {
        try edit(line, annotation.id.rawValue) { (document) throws(ModelError) in try document.add(annotation, checkingLinks: false) }
    }

    /// Stops at the first link that points at nothing the document declares.
    func checkLinks(hint: String) throws(ImportError) {
        if let (annotation, link) = document.unresolvedLinks().first {
            throw fail(0, "\(annotation): \(link.role) link points at '\(link.target)', which the file does not declare", hint)
        }
    }

    /// The document and what the import lost or repaired.
    var result: (document: Document, losses: Losses) { (document, losses) }
}

extension ImportError {
    /// The file an import reads, for the errors made before a session exists (a reader's).
    struct Place {
        let file: String

        func fail(_ line: Int, _ message: String, _ hint: String) -> ImportError {
            ImportError(file: file, line: line, message: message, hint: hint)
        }

        @discardableResult
        func model<T>(_ line: Int, _ what: String, _ body: () throws(ModelError) -> T) throws(ImportError) -> T {
            do throws(ModelError) { return try body() } catch { throw fail(line, "\(what): \(error.description)", error.hint) }
        }
    }
}
