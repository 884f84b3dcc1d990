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
        // What a link may point at depends only on layer, category and role, and a file uses a
        // few dozen of those: a short list compared in turn is cheaper than hashing.
        var expectations: [(key: ExpectationKey, expectation: LinkExpectation?)] = []
        for annotation in document.annotations {
            let links = annotation.links
            guard !links.isEmpty else { continue }
            let layer = annotation.layer
            let category = annotation.category
            for link in links {
                guard case .id(let target) = link.target, let kind = document.kind(of: target) else { continue }
                let key = ExpectationKey(layer: layer, category: category, role: link.role)
                var slot = expectations.firstIndex { $0.key == key }
                if slot == nil {
                    expectations.append((key, expectation(for: annotation, role: link.role)))
                    slot = expectations.count - 1
                }
                guard let slot, let expected = expectations[slot].expectation else { continue }
                if !expected.allows(kind) {
                    found.append(diagnostic(
                        "\(annotation.layer) annotation '\(annotation.id)'\(annotation.category.map { " (\($0))" } ?? ""): \(link.role) link points at '\(target)', a \(kind), but expected \(expected.description)",
                        hint: "link to \(expected.description), or change the category",
                        at: context.location(of: annotation.id)))
                }
            }
        }
        return found
    }

    private struct ExpectationKey: Equatable {
        var layer: Layer
        var category: Identifier?
        var role: LinkRole
    }

    /// What the layer's table says the link may point at (see ``LayerDescription``).
    private func expectation(for annotation: Annotation, role: LinkRole) -> LinkExpectation? {
        annotation.layer.details.link(role)?.expectation(forCategory: annotation.category)
    }
}
