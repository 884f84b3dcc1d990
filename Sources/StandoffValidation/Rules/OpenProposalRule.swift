import StandoffModel

/// No reading waits for a decision: proposals `standoff merge` left are decided with
/// `standoff review` before a file is gold (a warning, so `--strict` fails while any remain).
public struct OpenProposalRule: ValidationRule {
    public init() {}
    public let code = "SO604"
    public let name = "open-proposal"
    public let severity = DiagnosticSeverity.warning
    public let summary = "No proposal from a merge waits for a decision (standoff review decides them)."

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        guard let document = context.document else { return [] }
        return document.openProposals().map { conflict, members in
            let file = context.file.isEmpty ? "FILE" : context.file
            return diagnostic(
                "conflict \(conflict): \(members.count) reading\(members.count == 1 ? "" : "s") of '\(members[0].coveredText)' wait\(members.count == 1 ? "s" : "") for a decision (\(members.map(\.id.rawValue).joined(separator: ", ")))",
                hint: "decide with `standoff review \(file)` (or --accept ID / --reject ID); docs/CURATION.md",
                at: context.location(of: members[0].id))
        }
    }
}
