import StandoffModel

/// The register entries an import declares for the links it reads: each of the kind its link
/// expects (the first the link allows; a person where any will do), declared once.
enum RegisterEntries {
    /// Declares `id` unless the document already uses it; true when it was declared here.
    @discardableResult
    static func declare(_ id: Identifier, name: String, wikidata: String? = nil, linkedBy role: LinkRole, from layer: Layer,
                        category: Identifier?, in document: inout Document) throws(ModelError) -> Bool {
        guard document.kind(of: id) == nil else { return false }
        let kind = layer.details.link(role)?.expectation(forCategory: category)?.entryKinds.first ?? .person
        try document.add(RegisterEntry(id: id, kind: kind, name: name, wikidata: wikidata))
        return true
    }

    /// The Wikidata id an IRI names (`http://www.wikidata.org/entity/Q42`, `…/wiki/Q42`), or nil.
    static func wikidataID(fromIRI iri: String) -> String? {
        guard iri.contains("wikidata.org/"), let last = iri.split(separator: "/").last.map(String.init), RegisterEntry.isWikidataID(last) else { return nil }
        return last
    }

    /// The entry an import makes for a Wikidata id when the file names no entry of its own: `wd-Q42`.
    static func entryID(forWikidata id: String) throws(ModelError) -> Identifier { try Identifier("wd-" + id) }
}

extension Identifier {
    /// Another tool's name as an id (a free-text tag, a database reference such as
    /// `brat_eco:ECO:0001802`): characters an id cannot hold become `-`, and one that cannot
    /// start an id gets `_` before it.
    static func madeValid(_ name: String) -> Identifier {
        if let id = try? Identifier(name) { return id }
        var scalars = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            let allowed = scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "-_.".unicodeScalars.contains(scalar)
            scalars.append(allowed ? scalar : "-")
        }
        let cleaned = String(scalars)
        return (try? Identifier(cleaned)) ?? (try? Identifier("_" + cleaned)) ?? Identifier(stringLiteral: "_id")
    }
}
