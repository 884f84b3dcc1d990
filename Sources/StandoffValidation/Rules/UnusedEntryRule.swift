import StandoffModel

/// Every register entry is linked from some annotation.
public struct UnusedEntryRule: ValidationRule {
    public init() {}
    public let code = "SO701"
    public let name = "unused-entry"
    public let severity = DiagnosticSeverity.info
    public let summary = "Every register entry is linked from at least one annotation."

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        // Annotations left unread (reported where they stand) may link to any entry.
        guard let document = context.document, context.read.unreadAnnotations == 0 else { return [] }
        let entries = document.registers.flatMap(\.entries)
        // Entries not linked yet; the search stops once every entry is (mostly early on).
        var unlinked = Set(entries.map(\.id))
        guard !unlinked.isEmpty else { return [] }
        search: for annotation in document.annotations {
            for link in annotation.links {
                if case .id(let id) = link.target, unlinked.remove(id) != nil, unlinked.isEmpty { break search }
            }
        }
        return entries.filter { unlinked.contains($0.id) }.map {
            diagnostic("\($0.kind.rawValue) '\($0.id)' (\($0.name)) is not linked from any annotation",
                       hint: "link mentions to it with --ref, or remove it if it is not needed",
                       at: context.location(of: $0.id))
        }
    }
}
