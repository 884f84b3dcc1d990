import StandoffModel

/// The ids an import gives its annotations: the one a file asks for (Standoff's own, carried
/// through another format) when nothing else has it, else the layer's prefix numbered afresh
/// (`ent1`, `ent2`, …), never an id the document or an earlier annotation of the import uses.
struct AnnotationIDs {
    private var used: Set<Identifier> = []
    private var counters: [String: Int] = [:]

    /// Keeps `id` from being given: an id the file gives an annotation of its own.
    mutating func reserve(_ id: Identifier) { used.insert(id) }

    /// An id for an annotation of `layer`; `renumbered` when `wanted` was taken.
    mutating func next(for layer: Layer, wanting wanted: Identifier? = nil, in document: Document) -> (id: Identifier, renumbered: Bool) {
        if let wanted, document.kind(of: wanted) == nil, !used.contains(wanted) {
            used.insert(wanted)
            return (wanted, false)
        }
        var id: Identifier
        repeat {
            counters[layer.idPrefix, default: 0] += 1
            id = Identifier(stringLiteral: "\(layer.idPrefix)\(counters[layer.idPrefix]!)")
        } while used.contains(id) || document.kind(of: id) != nil
        used.insert(id)
        return (id, wanted != nil)
    }
}
