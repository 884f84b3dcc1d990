/// A quotation names its speaker (a register entry, or `unknown`).
public struct QuotationWithoutSpeakerRule: ValidationRule {
    public init() {}
    public let code = "SO501"
    public let name = "quotation-without-speaker"
    public let severity = DiagnosticSeverity.warning
    public let summary = "Every quotation has a speaker link (a register entry, or 'unknown' when the text does not say)."

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        guard let document = context.document else { return [] }
        return document.positions(of: .quotation).compactMap { position in
            let quotation = document.annotations[position]
            guard !quotation.hasLink(.speaker) else { return nil }
            return diagnostic("quotation '\(quotation.id)' (\"\(quotation.coveredText)\") has no speaker",
                              hint: "add --speaker ENTRY, or --speaker unknown when the text does not say who speaks",
                              at: context.location(of: quotation.id))
        }
    }
}
