/// The text still has the SHA-256 recorded in the header when the file was made.
public struct SourceDriftRule: ValidationRule {
    public init() {}
    public let code = "SO401"
    public let name = "source-drift"
    public let severity = DiagnosticSeverity.error
    public let summary = "The text's SHA-256 equals the one recorded in the header (idno type=\"sha256\")."

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        guard let document = context.document, !document.source.sha256.isEmpty else { return [] }
        let actual = document.text.sha256
        guard actual != document.source.sha256 else { return [] }
        return [diagnostic(
            "the text has changed since the file was made: its SHA-256 is \(actual.prefix(12))…, the header records \(document.source.sha256.prefix(12))…",
            hint: "annotations may no longer point at what they meant; restore the text, or re-check every annotation and update the recorded hash",
            at: context.read.sourceHashLocation ?? context.location(of: document.id))]
    }
}
