import StandoffTEI
/// Every rule, in code order. docs/VALIDATION.md documents each one.
public enum RuleCatalogue {
    public static let all: [any ValidationRule] = [
        XMLSyntaxRule(), SchemaRule(), TEIAllRule(), StructureRule(), UnknownTEINameRule(), UnreadStandOffRule(),
        MissingParagraphRule(), RangeOutOfBoundsRule(), MalformedPointerRule(), EmptyRangeRule(),
        DuplicateIDRule(), DanglingReferenceRule(), InvalidIDRule(),
        UndeclaredCategoryRule(), WrongLinkKindRule(), InvalidValueRule(),
        SourceDriftRule(), SnapshotMismatchRule(),
        QuotationWithoutSpeakerRule(), IncompleteStanceRule(), IncompleteErrorRule(), MissingCategoryRule(),
        DuplicateAnnotationRule(), SplitWordRule(), ConflictingCategoriesRule(), OpenProposalRule(),
        UnusedEntryRule(),
    ]

    /// The rule that claims `code`: every code is claimed by one rule (a test checks it).
    public static func rule(claiming code: TEIProblem.Code) -> any ValidationRule {
        all.first { $0.claimedProblemCodes.contains(code) }!
    }

    /// A problem the reader or a schema found, as the finding of the rule that claims its
    /// code, in that rule's words: how the commands that load a file report why they cannot.
    public static func diagnostic(for problem: TEIProblem) -> Diagnostic {
        rule(claiming: problem.code).diagnostic(for: problem)
    }

    /// The rule with this code (`SO101`) or name (`missing-paragraph`), case-insensitively.
    public static func rule(named key: String) -> (any ValidationRule)? {
        all.first { $0.code.caseInsensitiveCompare(key) == .orderedSame || $0.name.caseInsensitiveCompare(key) == .orderedSame }
    }
}
