/// The text recorded with each annotation (`note type="quote"`) is the text now at its range.
public struct SnapshotMismatchRule: ValidationRule {
    public init() {}
    public let code = "SO402"
    public let name = "snapshot-mismatch"
    public let severity = DiagnosticSeverity.error
    public let summary = "The covered text recorded with an annotation (note type=\"quote\") is the text now at its range."

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        guard let document = context.document else { return [] }
        var found: [Diagnostic] = []
        let text = document.text
        // The document compared each annotation's recorded text as it was added.
        for position in document.index.driftedPositions {
            let annotation = document.annotations[position]
            let now = annotation.ranges.map { text[$0] }
            found.append(diagnostic(
                "annotation '\(annotation.id)' recorded \"\(annotation.snapshot.joined(separator: " … "))\" but its range \(annotation.ranges.map(\.description).joined(separator: ",")) now covers \"\(now.joined(separator: " … "))\"",
                hint: "fix the range so that it covers the recorded text, or update the recorded text if the new span is right",
                at: context.location(of: annotation.id)))
        }
        return found
    }
}
