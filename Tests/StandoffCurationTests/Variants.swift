import Foundation
import StandoffCuration
import StandoffModel
import StandoffTEI
import TestSupport

/// Three annotators' versions of the shipped annotations, made by controlled changes (as
/// `Scripts/make-annotator-variants.sh` makes them with the CLI):
///   ent1 "Donald Trump"  alice and carol as shipped; bob "Trump" (35:40)      boundaries
///   ent2 "US"            alice and carol GPE; bob LOC                          category, 2 of 3
///   ent3 "US"            alice GPE, bob LOC, carol FAC                         category, split
///   ent5 "Ukraine"       bob dropped it                                        2 of 3
///   quo1                 carol's speaker is unknown                            speaker
///   "white whale"        carol alone (MISC)                                     1 of 3
enum Variants {
    static let shipped: Document = try! TEIReader.load(path: Repository.shippedAnnotations)
    static let annotators = ["alice", "bob", "carol"]

    /// Replaces annotation `id` by `change`d copy, under a new id (as remove + add would).
    static func replace(_ id: Identifier, in document: inout Document, newID: Identifier, _ change: (inout Annotation) -> Void) throws {
        let old = try document.removeAnnotation(id)
        var made = Annotation(id: newID, layer: old.layer, category: old.category, ranges: old.ranges, links: old.links,
                              features: old.features, notes: old.notes, provenance: old.provenance, cue: old.cue,
                              correction: old.correction, severity: old.severity)
        change(&made)
        made.snapshot = []
        try document.add(made)
    }

    static func documents() throws -> [Document] {
        let alice = shipped
        var bob = shipped, carol = shipped
        try replace("ent1", in: &bob, newID: "ent900") { $0.ranges = [try! TextRange(35, 40)] }
        try replace("ent2", in: &bob, newID: "ent901") { $0.category = "LOC" }
        try replace("ent3", in: &bob, newID: "ent902") { $0.category = "LOC" }
        try replace("ent3", in: &carol, newID: "ent903") { $0.category = "FAC" }
        _ = try bob.removeAnnotation("ent5")
        try replace("quo1", in: &carol, newID: "quo900") { $0.links = [Link(role: .speaker, target: .unknown)] }
        try carol.add(Annotation(id: "ent904", layer: .entity, category: "MISC", ranges: carol.ranges(of: "white whale")))
        return [alice, bob, carol]
    }

    static func inputs(_ documents: [Document]? = nil) throws -> [MergeInput] {
        let documents = try documents ?? Self.documents()
        return zip(annotators, documents).map { name, document in
            MergeInput(annotator: Annotator(id: Identifier(stringLiteral: name), name: name), file: "\(name).tei.xml", document: document)
        }
    }

    static let time = Date(timeIntervalSince1970: 1_733_097_600)

    /// The readings of the gold document as "LAYER START:END CATEGORY links… @annotators [proposal]", sorted.
    static func readings(_ document: Document) -> [String] {
        document.annotations.map { a in
            var parts = [a.layer.name, a.ranges.map(\.description).joined(separator: ","), a.category?.rawValue ?? "-"]
            parts += a.links.map { "\($0.role)=\($0.target)" }
            parts.append("@" + a.provenance.annotators.map(\.rawValue).joined(separator: "+"))
            if let conflict = a.conflict { parts.append("proposal \(conflict)") }
            return parts.joined(separator: " ")
        }.sorted()
    }
}
