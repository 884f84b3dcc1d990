import StandoffModel
import StandoffTEI

/// How `standoff merge` decides which annotators' readings go into the gold file.
///
/// Every strategy votes within a conflict (readings that compete for one decision, see
/// ``ConflictKind``): a reading is taken when it is the one option the strategy accepts there,
/// and the readings it beat are dropped; where no option, or more than one, is accepted, every
/// reading stays as a proposal for `standoff review`. docs/CURATION.md has worked examples.
public enum MergeStrategy: Hashable, Sendable, CustomStringConvertible {
    /// A reading is taken when every annotator made it; everything else is reviewed.
    case unanimous
    /// A reading is taken when more than half of the annotators made it; a conflict where more
    /// than half made no reading at all is dropped; ties and split votes are reviewed.
    case majority
    /// A reading is taken when at least this many annotators made it; everything else is reviewed.
    case atLeast(Int)
    /// This annotator's reading is taken wherever they made one (the others in its conflict are
    /// dropped); elsewhere as ``majority``.
    case prefer(String)

    /// Reads `unanimous`, `majority`, `at-least:N` (or `at-least=N`, `at-least N`) and
    /// `prefer:ANNOTATOR` (or `=`, space).
    public init(parsing text: String) throws(CurationProblem) {
        let parts = text.split(maxSplits: 1, whereSeparator: { $0 == ":" || $0 == "=" || $0 == " " }).map(String.init)
        switch (parts.first ?? "", parts.count) {
        case ("unanimous", 1): self = .unanimous
        case ("majority", 1): self = .majority
        case ("at-least", 2):
            guard let count = Int(parts[1]), count >= 1 else {
                throw CurationProblem("--strategy at-least needs a whole number of annotators, 1 or more, not '\(parts[1])'",
                                      hint: "for example --strategy at-least:2", isUsage: true)
            }
            self = .atLeast(count)
        case ("prefer", 2): self = .prefer(parts[1])
        case ("at-least", 1), ("prefer", 1):
            throw CurationProblem("--strategy \(parts[0]) needs a value", hint: "--strategy at-least:2, --strategy prefer:alice", isUsage: true)
        default:
            throw CurationProblem("--strategy '\(text)' is not a strategy",
                                  hint: "use unanimous, majority, at-least:N or prefer:ANNOTATOR", isUsage: true)
        }
    }

    public var description: String {
        switch self {
        case .unanimous: "unanimous"
        case .majority: "majority"
        case .atLeast(let count): "at-least:\(count)"
        case .prefer(let annotator): "prefer:\(annotator)"
        }
    }
}

/// When two annotators' annotations are the same reading.
public enum MatchMode: String, CaseIterable, Sendable {
    /// Same layer, ranges, category, correction and links.
    case exact
    /// Same layer, category, correction and links, and overlapping ranges: one reading, with the
    /// boundaries most of its annotators gave.
    case relaxed
}

/// Why readings compete for one decision.
public enum ConflictKind: String, CaseIterable, Sendable, Comparable, Codable {
    /// The same span with different categories.
    case category
    /// Overlapping spans of one category with different boundaries.
    case boundaries
    /// A quotation with different speakers.
    case speaker
    /// A stance with different holders.
    case holder
    /// A stance with different targets.
    case target
    /// An entity linked to different register entries.
    case ref
    /// Different links of another role.
    case links
    /// An error with different corrections.
    case correction

    public static func < (lhs: Self, rhs: Self) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }
}

/// Why curation cannot go on: the message, what to do, and whether the arguments (exit 2) or
/// the data (exit 1) are at fault.
public struct CurationProblem: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var hint: String
    public var file: String?
    public var isUsage: Bool
    /// A file that could not be read, with the reader's problems (each with its line and column).
    public var readError: TEIReadError?
    public var description: String { message }

    public init(_ message: String, hint: String, file: String? = nil, isUsage: Bool = false, readError: TEIReadError? = nil) {
        self.message = message
        self.hint = hint
        self.file = file
        self.isUsage = isUsage
        self.readError = readError
    }
}
