/// Every rule, in code order. docs/VALIDATION.md documents each one.
public enum RuleCatalogue {
    public static let all: [any ValidationRule] = [
        XMLSyntaxRule(), SchemaRule(), TEIAllRule(), StructureRule(), UnknownTEINameRule(),
        MissingParagraphRule(), RangeOutOfBoundsRule(), MalformedPointerRule(), EmptyRangeRule(),
        DuplicateIDRule(), DanglingReferenceRule(), InvalidIDRule(),
        UndeclaredCategoryRule(), WrongLinkKindRule(), InvalidValueRule(),
        SourceDriftRule(), SnapshotMismatchRule(),
        QuotationWithoutSpeakerRule(), IncompleteStanceRule(), IncompleteErrorRule(), MissingCategoryRule(),
        DuplicateAnnotationRule(), SplitWordRule(), ConflictingCategoriesRule(),
        UnusedEntryRule(),
    ]

    /// The rule with this code (`SO101`) or name (`missing-paragraph`), case-insensitively.
    public static func rule(named key: String) -> (any ValidationRule)? {
        all.first { $0.code.caseInsensitiveCompare(key) == .orderedSame || $0.name.caseInsensitiveCompare(key) == .orderedSame }
    }
}
