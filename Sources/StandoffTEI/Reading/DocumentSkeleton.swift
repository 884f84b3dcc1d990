import StandoffModel

/// What a file's header, text and registers declare, as the reader found them, and the document
/// made from that without annotations: the text, the taxonomies, the annotators and the
/// register entries.
///
/// Making it is a job of its own so that, for a large file, it can run on another thread while
/// the reader parses the annotations (see ``AnnotationAdder/start(making:)``).
struct DocumentSkeleton: Sendable {
    struct PendingAnnotator: Sendable {
        var id: String?
        var resp = ""
        var name = ""
        var location: SourceLocation
    }

    struct PendingEntry: Sendable {
        var kind: EntryKind
        var id: String?
        var names: [(type: String?, text: String)] = []
        var wikidata: String?
        var location: SourceLocation
    }

    struct PendingTaxonomy: Sendable {
        var id: String?
        var description: String?
        var categories: [(id: String?, description: String, location: SourceLocation)] = []
        var location: SourceLocation
    }

    let file: String
    var documentID: String?
    var language: String?
    var title = ""
    var sourceFileName = ""
    var sourceSHA256: String?
    var paragraphs: [(id: String?, text: String, location: SourceLocation)] = []
    var taxonomies: [PendingTaxonomy] = []
    var annotators: [PendingAnnotator] = []
    var entries: [PendingEntry] = []

    /// Problems found by ``make()``.
    private(set) var problems: [TEIProblem] = []
    /// Where each id ``make()`` declared stands in the file.
    private(set) var locations: [Identifier: SourceLocation] = [:]

    init(file: String) { self.file = file }

    /// How many of each declaration there are: a skeleton made earlier still stands if these
    /// have not changed since.
    var counts: [Int] { [paragraphs.count, taxonomies.count, annotators.count, entries.count] }

    /// The document without its annotations; `nil` (with ``problems``) if it cannot be made.
    mutating func make() -> Document? {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard !paragraphs.isEmpty else {
            problem(.missingText, at: start)
            return nil
        }
        var paragraphIDs: [Identifier] = []
        var texts: [String] = []
        for (index, paragraph) in paragraphs.enumerated() {
            texts.append(paragraph.text)
            guard let raw = paragraph.id else {
                problem(.paragraphWithoutID(number: index + 1), at: paragraph.location)
                paragraphIDs.append(Identifier(stringLiteral: "_p\(index + 1)"))
                continue
            }
            guard let id = try? Identifier(raw) else {
                problem(.invalidParagraphID(raw: raw, number: index + 1), at: paragraph.location)
                paragraphIDs.append(Identifier(stringLiteral: "_p\(index + 1)"))
                continue
            }
            paragraphIDs.append(id)
            locations[id] = paragraph.location
        }
        let text: SourceText
        do throws(ModelError) { text = try SourceText(paragraphs: texts) } catch {
            if case .newlineInParagraph(let index) = error {
                problem(.lineBreakInParagraph(paragraph: paragraphIDs[index]), at: paragraphs[index].location)
            }
            return nil
        }
        let docID = (documentID.flatMap { try? Identifier($0) }) ?? "document"
        var document: Document
        do throws(ModelError) {
            document = try Document(
                id: docID, title: title, language: language ?? "", text: text, paragraphIDs: Self.uniqued(paragraphIDs),
                source: SourceDescription(fileName: sourceFileName, sha256: sourceSHA256 ?? ""), taxonomies: [])
        } catch {
            problem(.refused(error, subject: .document), at: start)
            return nil
        }
        if Set(paragraphIDs).count != paragraphIDs.count {
            problem(.paragraphsShareID, at: start)
        }
        addTaxonomies(to: &document)
        addAnnotators(to: &document)
        addEntries(to: &document)
        return document
    }

    private mutating func problem(_ fact: TEIProblem.Fact, at location: SourceLocation) {
        problems.append(TEIProblem(fact, at: location))
    }

    private static func uniqued(_ ids: [Identifier]) -> [Identifier] {
        var seen: Set<Identifier> = []
        return ids.enumerated().map { index, id in seen.insert(id).inserted ? id : Identifier(stringLiteral: "_dup\(index + 1)") }
    }

    private mutating func identifier(_ raw: String?, element: TEIProblem.IdentifiedElement, at location: SourceLocation) -> Identifier? {
        AnnotationPreparer.identifier(raw, element: element, at: location, problems: &problems)
    }

    private mutating func addTaxonomies(to document: inout Document) {
        for pending in taxonomies {
            guard let id = identifier(pending.id, element: .taxonomy, at: pending.location) else { continue }
            do throws(ModelError) {
                try document.add(Taxonomy(id: id, description: pending.description))
                locations[id] = pending.location
            } catch { problem(.refused(error, subject: .taxonomy(id)), at: pending.location); continue }
            for category in pending.categories {
                guard let categoryID = identifier(category.id, element: .category, at: category.location) else { continue }
                do throws(ModelError) {
                    try document.add(Category(id: categoryID, description: category.description), to: id)
                    locations[categoryID] = category.location
                } catch { problem(.refused(error, subject: .category(categoryID)), at: category.location) }
            }
        }
    }

    private mutating func addAnnotators(to document: inout Document) {
        for annotator in annotators {
            guard let id = identifier(annotator.id, element: .annotator, at: annotator.location) else { continue }
            do throws(ModelError) {
                try document.declare(Annotator(id: id, name: annotator.name, role: annotator.resp))
                locations[id] = annotator.location
            } catch { problem(.refused(error, subject: .annotator(id)), at: annotator.location) }
        }
    }

    private mutating func addEntries(to document: inout Document) {
        for pending in entries {
            guard let id = identifier(pending.id, element: .registerEntry, at: pending.location) else { continue }
            let name = pending.names.first { $0.type == nil }?.text ?? pending.names.first?.text ?? ""
            let aliases = pending.names.filter { $0.type == "alias" }.map(\.text)
            do throws(ModelError) {
                try document.add(RegisterEntry(id: id, kind: pending.kind, name: name, aliases: aliases, wikidata: pending.wikidata))
                locations[id] = pending.location
            } catch { problem(.refused(error, subject: .registerEntry(id)), at: pending.location) }
        }
    }
}
