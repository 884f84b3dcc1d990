import StandoffModel

/// Declaring the categories an imported file uses. Category ids are unique in a whole file, so a
/// label another layer already has (a foreign `NamedEntity` typed `PER` beside the entity
/// layer's `PER`) is declared as `LAYER-LABEL`, and counted.
enum Categories {
    static func declare(_ label: Identifier, for layer: Layer, in document: inout Document, losses: inout Losses) throws(ModelError) -> Identifier {
        if document.taxonomy(declaring: label) == layer.taxonomyID { return label }
        if document.taxonomy(layer.taxonomyID) == nil { try document.add(Taxonomy(id: layer.taxonomyID)) }
        var id = label
        if document.kind(of: label) != nil {
            id = try Identifier("\(layer.name)-\(label)")
            losses.repaired(.labelsOfOtherLayers)
            if document.taxonomy(declaring: id) == layer.taxonomyID { return id }
        } else {
            losses.repaired(.categoriesDeclared)
        }
        try document.add(Category(id: id, description: ""), to: layer.taxonomyID)
        return id
    }

    /// A link target written `category:TAXONOMY/ID` (brat notes, XMI features: ids hold no
    /// colon, so the form is unambiguous), declared if new; nil for any other target.
    static func target(_ value: String, in document: inout Document) throws(ModelError) -> Identifier? {
        guard value.hasPrefix("category:"), let slash = value.firstIndex(of: "/") else { return nil }
        let taxonomyID = try Identifier(String(value[value.index(value.startIndex, offsetBy: 9)..<slash]))
        let categoryID = try Identifier(String(value[value.index(after: slash)...]))
        if document.taxonomy(taxonomyID) == nil { try document.add(Taxonomy(id: taxonomyID)) }
        if document.taxonomy(declaring: categoryID) == nil { try document.add(Category(id: categoryID, description: ""), to: taxonomyID) }
        return categoryID
    }
}
