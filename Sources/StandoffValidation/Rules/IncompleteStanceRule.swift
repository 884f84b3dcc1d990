/// A stance has a holder, a target and a polarity.
public struct IncompleteStanceRule: ValidationRule {
    public init() {}
    public let code = "SO502"
    public let name = "incomplete-stance"
    public let severity = DiagnosticSeverity.warning
    public let summary = "Every stance has a holder, a target and a polarity."

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        guard let document = context.document else { return [] }
        return document.positions(of: .stance).compactMap { position in
            let stance = document.annotations[position]
            var missing: [String] = []
            if !stance.hasLink(.holder) { missing.append("holder") }
            if !stance.hasLink(.target) { missing.append("target") }
            if stance.category == nil { missing.append("polarity") }
            guard !missing.isEmpty else { return nil }
            return diagnostic("stance '\(stance.id)' has no \(missing.joined(separator: ", "))",
                              hint: "give \(missing.map { "--\($0)" }.joined(separator: ", "))",
                              at: context.location(of: stance.id))
        }
    }
}
