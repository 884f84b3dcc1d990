import StandoffModel

/// Links point at the right kind of thing, as each layer's ``LayerDescription`` says: a PER
/// mention at a person, an ORG at an organisation, a GPE, LOC or FAC at a place; a speaker at a
/// person or organisation; a holder at a register entry; a stance target at a register entry, a
/// category or an annotation.
public struct WrongLinkKindRule: ValidationRule {
    public init() {}
    public let code = "SO302"
    public let name = "wrong-link-kind"
    public let severity = DiagnosticSeverity.error
    public let summary = "Links point at the right kind of thing (PER → person, ORG → organisation, GPE/LOC/FAC → place, speaker → person or organisation, …)."

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        guard let document = context.document else { return [] }
        var found: [Diagnostic] = []
        for annotation in document.annotations where !annotation.links.isEmpty {
            for link in document.misdirectedLinks(of: annotation) {
                found.append(diagnostic(link.description, hint: link.hint, at: context.location(of: annotation.id)))
            }
        }
        return found
    }
}
