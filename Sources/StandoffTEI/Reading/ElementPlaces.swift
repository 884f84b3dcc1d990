import Foundation
import StandoffModel
import StandoffXML

/// Where each element of Standoff's vocabulary stands, and what is known there: the places
/// of the reader, the children and attributes it reads at each, and the lookups by pointer.
extension TEIDocumentBuilder {
    /// Where an element stands in Standoff's vocabulary: its path, as a value.
    enum Place: Int, Hashable, CaseIterable {
        case document, tei, teiHeader, fileDesc, titleStmt, title, respStmt, resp, respName
        case publicationStmt, publicationP, sourceDesc, bibl, sourceIdno
        case encodingDesc, classDecl, taxonomy, taxonomyDesc, category, catDesc
        case headerRevisionDesc, headerChange
        case text, body, paragraph
        /// A `<div>` in the body (at any depth): it groups paragraphs.
        case div
        case standOff, listPerson, listOrg, listPlace, person, org, place, entryName, entryIdno
        case listAnnotation, annotation, annotationRevisionDesc, annotationChange, ptr, ref, note
        /// Inside a text-only element or unsupported markup: nothing there is read.
        case unsupported
        /// Inside a root that is not TEI: nothing there is worth a message.
        case notTEI

        /// Where foreign content is kept rather than refused.
        var keepsForeignContent: Bool {
            switch self {
            case .teiHeader, .fileDesc, .titleStmt, .title, .respStmt, .resp, .respName, .publicationStmt, .publicationP,
                 .sourceDesc, .bibl, .sourceIdno, .encodingDesc, .classDecl, .taxonomy, .taxonomyDesc, .category, .catDesc,
                 .headerRevisionDesc, .headerChange, .standOff, .listPerson, .listOrg, .listPlace, .person, .org, .place,
                 .entryName, .entryIdno, .listAnnotation, .annotation, .annotationRevisionDesc, .annotationChange, .ptr, .ref, .note:
                true
            default: false
            }
        }

        /// Elements that hold text only; child elements are refused there.
        var holdsText: Bool {
            switch self {
            case .title, .resp, .respName, .sourceIdno, .entryIdno, .taxonomyDesc, .catDesc, .headerChange, .annotationChange,
                 .publicationP, .paragraph, .entryName, .ref, .note:
                true
            default: false
            }
        }

        /// Text-only elements whose text is a declaration (not an annotation's note or link).
        var holdsDeclaredText: Bool { holdsText && self != .note && self != .ref && self != .annotationChange }

        /// Elements whose children are paragraphs (and `<head>`s, kept as they are).
        var groupsParagraphs: Bool { self == .body || self == .div }

        /// Elements told apart among their siblings by their xml:id.
        var isKeyedByID: Bool {
            switch self {
            case .respStmt, .taxonomy, .category, .person, .org, .place, .annotation, .paragraph, .publicationP: true
            default: false
            }
        }
    }

    /// An element's key within its parent: its name, with its id, type or position where
    /// siblings of the same name are told apart (`annotation[ent1]`, `ptr[2]`).
    struct ElementKey: CustomStringConvertible {
        var name: String
        var qualifier: String?
        var description: String { qualifier.map { "\(name)[\($0)]" } ?? name }
    }

    struct Frame {
        var place: Place
        var key: ElementKey
        var lastKnownChild: ElementKey?
        /// Elements that hold text only; child elements are refused there.
        var isText: Bool
        /// How many children of each unkeyed name came so far.
        var childCounts = SiblingCounts()
        /// Where its start tag is.
        var line = 0
        var column = 0

        var isKnown: Bool { place != .unsupported && place != .notTEI }
    }
    /// How many children of each name an element has had so far: the first name inline (an
    /// `<annotation>` mostly has only `<ptr>` children), others in a list.
    struct SiblingCounts {
        var first: (name: String, count: Int)?
        var others: [(name: String, count: Int)] = []

        /// Counts one more child called `name`, and says how many there are now.
        mutating func add(_ name: String) -> Int {
            if let current = first, current.name == name {
                first = (name, current.count + 1)
                return current.count + 1
            }
            guard first != nil else {
                first = (name, 1)
                return 1
            }
            if let index = others.firstIndex(where: { $0.name == name }) {
                others[index].count += 1
                return others[index].count
            }
            others.append((name, 1))
            return 1
        }

        /// How many children called `name` came so far.
        func count(of name: String) -> Int {
            if let first, first.name == name { return first.count }
            return others.first { $0.name == name }?.count ?? 0
        }
    }

    // MARK: Which elements are known

    /// Known children of each known element; text-only elements have none.
    static let knownChildren: [Place: [String: Place]] = [
        .document: ["TEI": .tei],
        .tei: ["teiHeader": .teiHeader, "text": .text, "standOff": .standOff],
        .teiHeader: ["fileDesc": .fileDesc, "encodingDesc": .encodingDesc, "revisionDesc": .headerRevisionDesc],
        .fileDesc: ["titleStmt": .titleStmt, "publicationStmt": .publicationStmt, "sourceDesc": .sourceDesc],
        .titleStmt: ["title": .title, "respStmt": .respStmt],
        .respStmt: ["resp": .resp, "name": .respName],
        .publicationStmt: ["p": .publicationP],
        .sourceDesc: ["bibl": .bibl],
        .bibl: ["idno": .sourceIdno],
        .encodingDesc: ["classDecl": .classDecl],
        .classDecl: ["taxonomy": .taxonomy],
        .taxonomy: ["desc": .taxonomyDesc, "category": .category],
        .category: ["catDesc": .catDesc],
        .headerRevisionDesc: ["change": .headerChange],
        .text: ["body": .body],
        .body: ["p": .paragraph, "div": .div],
        .div: ["p": .paragraph, "div": .div],
        .standOff: ["listPerson": .listPerson, "listOrg": .listOrg, "listPlace": .listPlace, "listAnnotation": .listAnnotation],
        .listPerson: ["person": .person],
        .listOrg: ["org": .org],
        .listPlace: ["place": .place],
        .person: ["persName": .entryName, "idno": .entryIdno],
        .org: ["orgName": .entryName, "idno": .entryIdno],
        .place: ["placeName": .entryName, "idno": .entryIdno],
        .listAnnotation: ["annotation": .annotation],
        .annotation: ["revisionDesc": .annotationRevisionDesc, "ptr": .ptr, "ref": .ref, "note": .note],
        .annotationRevisionDesc: ["change": .annotationChange],
    ]

    /// Attributes the reader understands on each known element; any other is preserved.
    static let knownAttributes: [Place: [KnownAttribute]] = {
        let id = KnownAttribute(name: "id", inXMLNamespace: true)
        func plain(_ names: StaticString...) -> [KnownAttribute] { names.map { KnownAttribute(name: $0, inXMLNamespace: false) } }
        return [
            .tei: [id, KnownAttribute(name: "lang", inXMLNamespace: true)],
            .paragraph: [id], .publicationP: [id], .respStmt: [id], .taxonomy: [id], .category: [id],
            .sourceIdno: plain("type"), .entryIdno: plain("type"),
            .headerChange: plain("when", "who", "type"), .annotationChange: plain("when", "who", "type", "status", "n"),
            .person: [id], .org: [id], .place: [id],
            .entryName: plain("type"),
            .listAnnotation: plain("type"),
            .annotation: [id] + PendingAnnotation.attributes.map { KnownAttribute(name: $0, inXMLNamespace: false) },
            .ptr: plain("type", "target"), .ref: plain("type"), .note: plain("type", "n"),
        ]
    }()

    func location(_ position: (line: Int, column: Int)) -> SourceLocation {
        SourceLocation(file: file, line: position.line, column: position.column)
    }

    /// The anchor of the innermost open element: the keys from the root down, joined by `/`.
    /// Built only when something is kept there.
    func anchor() -> String {
        stack.map(\.key.description).joined(separator: "/")
    }
}
