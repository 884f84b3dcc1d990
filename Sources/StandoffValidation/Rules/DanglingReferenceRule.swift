import StandoffModel
import StandoffTEI

/// Every pointer to an id (`ptr/@target`, `@ana`, `@resp`, `@corresp`) names an id declared in the file.
public struct DanglingReferenceRule: ReaderProblemRule {
    public init() {}
    public let code = "SO202"
    public let name = "dangling-reference"
    public let severity = DiagnosticSeverity.error
    public let summary = "Every pointer to an id (ptr/@target, @ana, @resp, @corresp) names an id declared in the file."
    public let readerCodes: Set<TEIProblem.Code> = [.danglingReference]

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var found = context.read.problems.filter { readerCodes.contains($0.code) }.map(diagnostic(for:))
        guard let document = context.document else { return found }
        // @corresp is not modelled, so it is kept as a foreign attribute; check its pointers there.
        for (anchor, attributes) in document.preserved.attributes.sorted(by: { $0.key < $1.key }) {
            for attribute in attributes where attribute.localName == "corresp" && attribute.namespace == nil {
                for token in attribute.value.split(separator: " ") where token.hasPrefix("#") {
                    let id = String(token.dropFirst())
                    if let identifier = try? Identifier(id), document.kind(of: identifier) != nil { continue }
                    let owner = document.preserved.owners[anchor] ?? Self.id(inAnchor: anchor)
                    found.append(diagnostic(
                        "@corresp points at '\(id)', which is not declared",
                        hint: "declare it, or correct the pointer",
                        at: owner.map(context.location(of:)) ?? SourceLocation(file: context.file, line: 1, column: 1)))
                }
            }
        }
        return found
    }

    /// The id in the last step of an anchor such as `TEI/standOff/listPerson/person[kim]`.
    static func id(inAnchor anchor: String) -> Identifier? {
        guard let last = anchor.split(separator: "/").last, let open = last.firstIndex(of: "["), last.hasSuffix("]") else { return nil }
        return try? Identifier(String(last[last.index(after: open)..<last.index(before: last.endIndex)]))
    }

    public func words(for fact: TEIProblem.Fact) -> FindingWords? {
        switch fact {
        case .categoryPointsAtNothing(let annotation, let token):
            return FindingWords("annotation '\(annotation)': @ana '\(token)' points at nothing declared in this file",
                                hint: "declare the category in the layer's <taxonomy>, or correct the pointer")
        case .linkToUndeclared(let annotation, let role, let target):
            return FindingWords("annotation '\(annotation)': \(role) link points at '\(target)', which is not declared",
                                hint: "declare it (`standoff register add`) or correct the pointer")
        default:
            return nil
        }
    }
}
