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
        for annotation in document.annotations {
            let (snapshot, ranges) = (annotation.snapshot, annotation.ranges)
            if snapshot.count == ranges.count, snapshot.indices.allSatisfy({ text.matches(snapshot[$0], at: ranges[$0]) }) { continue }
            let now = annotation.ranges.map { text[$0] }
            found.append(diagnostic(
                "annotation '\(annotation.id)' recorded \"\(annotation.snapshot.joined(separator: " … "))\" but its range \(annotation.ranges.map(\.description).joined(separator: ",")) now covers \"\(now.joined(separator: " … "))\"",
                hint: "fix the range so that it covers the recorded text, or update the recorded text if the new span is right",
                at: context.location(of: annotation.id)))
        }
        return found
    }
}
