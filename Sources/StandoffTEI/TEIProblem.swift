import StandoffFiles
import StandoffModel

/// A place in a file: path, 1-based line and column.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form editors and terminals link.
    public var description: String { "\(file):\(line):\(column)" }
}

/// One thing wrong with a file: what was found (a ``Fact``) and where. The validation rule
/// that claims the fact's code words it and says how serious it is (see `RuleCatalogue` in
/// StandoffValidation); the reader only finds.
public struct TEIProblem: Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem it is; each validation rule claims the codes it reports.
    public enum Code: String, CaseIterable, Sendable, CustomStringConvertible {
        /// The file is not well-formed XML (or could not be read).
        case xmlSyntax = "xml-syntax"
        /// The root element is not TEI's `<TEI>`.
        case notTEI = "not-tei"
        /// There is no `<text><body><p>` with the annotated text.
        case missingText = "missing-text"
        /// An element lacks an attribute Standoff needs (an `xml:id`, a layer's `@type`, a link's role).
        case missingAttribute = "missing-attribute"
        /// Markup where Standoff reads plain text or a fixed structure.
        case unsupportedMarkup = "unsupported-markup"
        /// An element or attribute of the TEI namespace that TEI P5 does not define.
        case unknownTEIName = "unknown-tei-name"
        /// A line break inside a `<p>`.
        case newlineInParagraph = "newline-in-paragraph"
        /// A pointer to a paragraph that does not exist.
        case missingParagraph = "missing-paragraph"
        /// A target that is not a `#string-range()` pointer.
        case malformedRange = "malformed-range"
        /// A pointer that is not of the form `#ID`.
        case malformedPointer = "malformed-pointer"
        /// A range of length 0 or less.
        case emptyRange = "empty-range"
        /// A range outside its paragraph, or one the model refuses (a paragraph break at an edge, overlapping pieces).
        case rangeOutOfBounds = "range-out-of-bounds"
        /// An id (or layer name) that is not a valid name.
        case invalidID = "invalid-id"
        /// A value the model refuses (a certainty, a date, …).
        case invalidValue = "invalid-value"
        /// A link to something that is not declared.
        case danglingReference = "dangling-reference"
        /// A category its layer's taxonomy does not declare.
        case undeclaredCategory = "undeclared-category"
        /// An id used twice.
        case duplicateID = "duplicate-id"
        /// A mismatch with Standoff's RELAX NG schema.
        case schema = "schema"
        /// A mismatch with the full TEI schema (`--tei-all`).
        case teiAll = "tei-all"

        public var description: String { rawValue }
    }

    /// How much a message says about its fault: schema messages may only say what was expected
    /// at a place, or echo, at an ancestor, a fault reported at its descendant. A report keeps
    /// the most specific message for a place.
    public enum Specificity: Int, Sendable, Comparable {
        case precise, expectation, echo
        public static func < (lhs: Specificity, rhs: Specificity) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// What was found.
    public var fact: Fact
    public var specificity: Specificity = .precise
    public var location: SourceLocation

    public init(_ fact: Fact, at location: SourceLocation) {
        self.fact = fact
        self.location = location
    }

    /// What kind of problem this is.
    public var code: Code { fact.code }

    /// `file:line:col: code`; the validation rules' words are in `RuleCatalogue.diagnostic(for:)`.
    public var description: String { "\(location): error: \(code)" }
}

/// Reading a TEI file failed; `problems` holds every error found, each with its location.
public struct TEIReadError: Error, Sendable, CustomStringConvertible {
    public var problems: [TEIProblem]

    public init(problems: [TEIProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Writing a file failed: the file, what happened, and what to do (``FileWriteError``, which the
/// atomic write throws, serves the TEI writer too).
public typealias TEIWriteError = FileWriteError

extension TEIProblem {
    static func code(for error: ModelError) -> Code {
        switch error {
        case .duplicateID: .duplicateID
        case .undeclaredCategory: .undeclaredCategory
        case .unresolvedLink, .unknownAnnotator: .danglingReference
        case .emptyRange: .emptyRange
        case .rangeOutOfBounds, .rangeEdgeOnParagraphBreak, .overlappingRanges: .rangeOutOfBounds
        case .invalidIdentifier, .invalidLayerName, .invalidLinkRole: .invalidID
        default: .invalidValue
        }
    }
}
