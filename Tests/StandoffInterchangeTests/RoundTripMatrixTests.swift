import Foundation
import StandoffInterchange
import StandoffModel
import StandoffTEI
import Testing
import TestSupport

/// Every format that imports, out and back over a document that uses every field of an
/// annotation: each field that does not come back must be named by a loss the export counted.
/// A field a format drops in silence fails here.
@Suite("Round-trip matrix")
struct RoundTripMatrixTests {
    let directory = TemporaryDirectory()

    /// The shipped annotations (entities with register links, quotations with speakers and cues,
    /// stances, errors with corrections, features, comments, annotator, method and time), with
    /// what they lack added: a certainty, a discontinuous span, a custom layer with its links.
    static func everyField() throws -> Document {
        var document = try TEIReader.load(path: BratTests.shipped)
        var first = try #require(document.annotation("ent1"))
        first.provenance.certainty = .medium
        first.features["checked"] = "yes"
        first.notes.append("a second look")
        _ = try document.removeAnnotation("ent1")
        _ = try document.add(first, checkingLinks: false)
        let kim = try #require(document.annotation("ent1")?.links(.ref).first)
        try document.add(Annotation(id: "ent900", layer: .entity, category: "PER", ranges: [TextRange(0, 3), TextRange(4, 8)],
                                    links: [Link(role: .ref, target: kim)]))
        try document.add(Taxonomy(id: "claim", categories: [Category(id: "verified", description: "checked against a source")]))
        try document.add(Annotation(id: "claim1", layer: try Layer("claim"), category: "verified", ranges: [TextRange(10, 20)],
                                    links: [Link(role: .target, target: .id("ent1")), Link(role: try LinkRole("source"), target: .id("ent2"))],
                                    provenance: Provenance(method: .automatic, certainty: .low)))
        // A reading a merge left for review: two annotators, a proposal step.
        try document.declare(Annotator(id: "second", name: "Second Annotator"))
        try document.add(Annotation(id: "ent901", layer: .entity, category: "PER", ranges: [TextRange(30, 35)],
                                    provenance: Provenance(annotators: ["standoff-team", "second"], method: .merged, certainty: .medium),
                                    history: [CurationStep(status: .proposed, who: ["standoff-team", "second"], time: Date(timeIntervalSince1970: 1_733_097_600),
                                                           conflict: "c1", description: "category: 2 of 3 annotators made this reading")]))
        return document
    }

    /// What a field of an annotation says, in the words of the document it is in (links to
    /// annotations through `rename`, as brat numbers them afresh).
    struct Field: Sendable {
        var name: String
        /// A loss that names the field has one of these words.
        var lossWords: [String]
        var value: @Sendable (Annotation, (Identifier) -> String) -> String
        init(_ name: String, _ lossWords: [String], _ value: @escaping @Sendable (Annotation, (Identifier) -> String) -> String) {
            (self.name, self.lossWords, self.value) = (name, lossWords, value)
        }
    }

    static let fields: [Field] = [
        Field("ranges", ["discontinuous", "span"], { a, _ in a.ranges.map(\.description).joined(separator: ",") }),
        Field("category", ["categor"], { a, _ in a.category?.rawValue ?? "" }),
        Field("links", ["link", "relation"], { a, rename in
            a.links.map { link in
                guard case .id(let id) = link.target else { return "\(link.role)=?" }
                return "\(link.role)=\(rename(id))"
            }.sorted().joined(separator: " ")
        }),
        Field("features", ["feature"], { a, _ in a.features.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";") }),
        Field("notes", ["note", "comment"], { a, _ in a.notes.joined(separator: "|") }),
        Field("correction", ["correction"], { a, _ in a.correction ?? "" }),
        Field("severity", ["severity"], { a, _ in a.severity?.rawValue ?? "" }),
        Field("cue", ["cue"], { a, _ in a.cue.map(\.description).joined(separator: ",") }),
        Field("annotator", ["annotator", "provenance"], { a, _ in a.provenance.annotator?.rawValue ?? "" }),
        Field("certainty", ["certainty", "provenance"], { a, _ in a.provenance.certainty?.rawValue ?? "" }),
        Field("method", ["method", "provenance"], { a, _ in a.provenance.method?.rawValue ?? "" }),
        Field("time", ["time", "provenance"], { a, _ in a.provenance.time.map { "\($0.timeIntervalSince1970)" } ?? "" }),
        Field("co-annotators", ["co-annotators"], { a, _ in a.provenance.annotators.dropFirst().map(\.rawValue).joined(separator: " ") }),
        Field("curation", ["curation"], { a, _ in a.history.map { "\($0.status) \($0.conflict ?? "")" }.joined(separator: ";") }),
    ]

    /// The fields that differ after the round trip, each with how many annotations; annotations
    /// are matched by id, or (brat) by layer and ranges.
    static func differences(_ original: Document, _ back: Document, byID: Bool) -> [String: Int] {
        func key(_ a: Annotation) -> String { byID ? a.id.rawValue : "\(a.layer.name) \(a.ranges.map(\.description).joined(separator: ","))" }
        let backByKey = Dictionary(back.annotations.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let originalByID = Dictionary(uniqueKeysWithValues: original.annotations.map { ($0.id, $0) })
        let backByID = Dictionary(uniqueKeysWithValues: back.annotations.map { ($0.id, $0) })
        var found: [String: Int] = [:]
        for annotation in original.annotations {
            guard let read = backByKey[key(annotation)] else { found["annotation", default: 0] += 1; continue }
            for field in fields {
                let before = field.value(annotation) { id in originalByID[id].map(key) ?? id.rawValue }
                let after = field.value(read) { id in backByID[id].map(key) ?? id.rawValue }
                if before != after { found[field.name, default: 0] += 1 }
            }
        }
        return found
    }

    /// Every field that differs is named by a loss the export counted.
    static func unaccounted(_ differences: [String: Int], _ losses: Losses) -> [String] {
        differences.keys.sorted().filter { name in
            let words = fields.first { $0.name == name }?.lossWords ?? ["annotation"]
            return !losses.counts.keys.contains { kind in words.contains { kind.localizedCaseInsensitiveContains($0) } }
        }.map { "\($0) (\(differences[$0]!) annotations)" }
    }

    /// What only Standoff's TEI holds: the annotation a merge made with two annotators, and its proposal step.
    static let onlyTEI = ["co-annotators": 1, "curation": 1]

    @Test func brat() throws {
        let document = try Self.everyField()
        let (files, losses) = Brat.export(document)
        let (back, _) = try Brat.importDocument(annotations: files.annotations, text: files.text, id: "d", file: "d.ann", lossy: false)
        let differences = Self.differences(document, back, byID: false)
        #expect(Self.unaccounted(differences, losses).isEmpty, "\(differences) \(losses.counts)")
        #expect(differences.keys.sorted() == ["annotator", "certainty", "co-annotators", "curation", "method", "time"], "brat holds no provenance; everything else comes back")
    }

    @Test func webAnnotation() throws {
        let document = try Self.everyField()
        let (json, losses) = WebAnnotation.export(document)
        let (back, _) = try WebAnnotation.importDocument(Data(json.utf8), text: document.text.string, id: "d", file: "d.jsonld")
        let differences = Self.differences(document, back, byID: true)
        #expect(Self.unaccounted(differences, losses).isEmpty, "\(differences) \(losses.counts)")
        #expect(differences == Self.onlyTEI, "every field of an annotation but a merge's co-annotators and curation has a place in a Web Annotation")
    }

    @Test func xmi() throws {
        let document = try Self.everyField()
        let (bytes, losses) = try XMI.export(document)
        let path = directory.file("d.xmi")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (back, _) = try XMI.importDocument(path: path, id: "d", lossy: false)
        let differences = Self.differences(document, back, byID: true)
        #expect(Self.unaccounted(differences, losses).isEmpty, "\(differences) \(losses.counts)")
        #expect(differences == Self.onlyTEI, "every field but a merge's co-annotators and curation has a feature in the type system")
    }

    @Test func inlineTEI() throws {
        let document = try Self.everyField()
        let (bytes, losses) = try InlineTEI.export(document)
        let path = directory.file("d.tei.xml")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (back, _) = try InlineTEI.importDocument(path: path, id: "d")
        let differences = Self.differences(document, back, byID: true)
        #expect(Self.unaccounted(differences, losses).isEmpty, "\(differences) \(losses.counts)")
        #expect(differences.keys.sorted() == ["annotator", "certainty", "co-annotators", "cue", "curation", "features", "links", "method", "notes", "ranges", "time"],
                "inline markup holds no provenance, features, notes or cues, no unknown speaker and no link to an annotation; a span ending in a space comes back without it: \(differences)")
    }

    @Test func jsonLines() throws {
        let document = try Self.everyField()
        let (line, losses) = JSONLines.export(document)
        let (documents, _) = try JSONLines.importDocuments(Data(line.utf8), file: "d.jsonl")
        let back = try #require(documents.first)
        let differences = Self.differences(document, back, byID: true)
        #expect(Self.unaccounted(differences, losses).isEmpty, "\(differences) \(losses.counts)")
        #expect(differences == Self.onlyTEI, "everything but what only TEI holds comes back: \(differences) \(losses.counts)")
    }
}
