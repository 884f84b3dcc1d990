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
        for annotation in document.annotations {
            if annotation.snapshot.count == annotation.ranges.count,
               zip(annotation.snapshot, annotation.ranges).allSatisfy({ document.text.matches($0, at: $1) }) { continue }
            let now = annotation.ranges.map { document.text[$0] }
            found.append(diagnostic(
                "annotation '\(annotation.id)' recorded \"\(annotation.snapshot.joined(separator: " … "))\" but its range \(annotation.ranges.map(\.description).joined(separator: ",")) now covers \"\(now.joined(separator: " … "))\"",
                hint: "fix the range so that it covers the recorded text, or update the recorded text if the new span is right",
                at: context.location(of: annotation.id)))
        }
        return found
    }
}
