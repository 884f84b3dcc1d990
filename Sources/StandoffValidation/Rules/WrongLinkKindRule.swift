import StandoffModel

/// Links point at the right kind of thing: a PER mention at a person, an ORG at an
/// organisation, a GPE, LOC or FAC at a place; a speaker at a person or organisation; a holder
/// at a register entry; a stance target at a register entry, a category or an annotation.
public struct WrongLinkKindRule: ValidationRule {
    public init() {}
    public let code = "SO302"
    public let name = "wrong-link-kind"
    public let severity = DiagnosticSeverity.error
    public let summary = "Links point at the right kind of thing (PER → person, ORG → organisation, GPE/LOC/FAC → place, speaker → person or organisation, …)."

    private static let entityKinds: [String: [EntryKind]] = [
        "PER": [.person], "ORG": [.organisation], "GPE": [.place], "LOC": [.place], "FAC": [.place], "NORP": [.place, .organisation],
    ]

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        guard let document = context.document else { return [] }
        var found: [Diagnostic] = []
        // What a link may point at depends only on layer, category and role, and a file uses a
        // few dozen of those: a short list compared in turn is cheaper than hashing.
        var expectations: [(key: ExpectationKey, expectation: Expectation?)] = []
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
                if !expected.allowed(kind) {
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

    private struct Expectation {
        var allowed: (DeclaredKind) -> Bool
        var description: String
    }

    private func expectation(for annotation: Annotation, role: LinkRole) -> Expectation? {
        func entries(_ kinds: [EntryKind]) -> Expectation {
            Expectation(allowed: { kind in kinds.contains { kind == .entry($0) } },
                        description: kinds.map { "a \($0.rawValue) register entry" }.joined(separator: " or "))
        }
        switch (annotation.layer, role) {
        case (.entity, .ref):
            guard let category = annotation.category?.rawValue else { return nil }
            if let kinds = Self.entityKinds[category] { return entries(kinds) }
            return entries(EntryKind.allCases)
        case (.quotation, .speaker): return entries([.person, .organisation])
        case (.stance, .holder): return entries(EntryKind.allCases)
        case (.stance, .target):
            return Expectation(allowed: { kind in
                if case .entry = kind { return true }
                return kind == .category || kind == .annotation
            }, description: "a register entry, a category or an annotation")
        default: return nil
        }
    }
}
