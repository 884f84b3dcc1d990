import StandoffModel
import StandoffTEI
import StandoffValidation
import StandoffXML
import Testing

/// The reader finds facts and the rules word them: every kind of fact is worded by the rule
/// that claims its code, in that rule's own words (never the fallback that only names the code).
@Suite struct FindingWordsTests {
    static let annotation: Identifier = "ent1"
    static let pointer = TEIProblem.Pointer(annotation: annotation, token: "#string-range(p9,0,5)")

    /// One example of every kind of fact.
    static let examples: [TEIProblem.Fact] = [
        .notWellFormed(message: "the file is empty", kind: .notXML),
        .notTEIRoot(element: "html", namespace: nil, inTEINamespace: false),
        .missingText,
        .markupInText(element: "hi", parent: "p"),
        .unsupportedElement(element: "table", parent: "body"),
        .textOutsideParagraph(parent: "body"),
        .lineBreakInParagraph(paragraph: "p1"),
        .linkWithoutRole(element: "ptr", target: "#trump", annotation: "ent1"),
        .noteWithoutType(annotation: "ent1"),
        .respStmtInAnnotation(annotation: "ent1"),
        .layerWithoutType(unread: 2),
        .annotationWithoutTarget(annotation: annotation),
        .elementWithoutID(.category),
        .paragraphWithoutID(number: 3),
        .unknownElement(name: "nte", parent: "annotation", suggestion: "note", annotationsInside: 0),
        .unknownAttribute(name: "cret", element: "annotation", annotation: "ent1", onAnnotation: true, suggestion: "cert"),
        .missingParagraph(pointer, paragraph: "p9", paragraphCount: 2),
        .notStringRange(pointer),
        .linkNotPointer(annotation: annotation, role: "ref", target: "trump"),
        .respNotPointer(annotation: annotation, value: "ann1"),
        .emptyRange(pointer, length: 0),
        .numberTooLarge(pointer),
        .negativeOffset(pointer),
        .pastParagraphEnd(pointer, paragraph: "p1", length: 4),
        .invalidLayerName(type: "not a layer", unread: 1),
        .annotationWithoutLayer(annotation: annotation),
        .invalidElementID(.taxonomy, raw: "1x"),
        .invalidParagraphID(raw: "1", number: 1),
        .invalidCertainty(annotation: annotation, value: "sure"),
        .invalidCurationStatus(annotation: annotation, value: "draft"),
        .twoCategories(annotation: annotation, first: "PER", second: "ORG"),
        .paragraphsShareID,
        .idUsedTwice(id: "ent1", here: "<note>", earlier: "annotation 'ent1'", earlierLine: 3),
        .categoryPointsAtNothing(annotation: annotation, token: "#nothing"),
        .linkToUndeclared(annotation: annotation, role: .ref, target: "nobody"),
        .undeclaredCategory(annotation: annotation, token: "#p1", layer: .entity),
        .refused(.duplicateID("ent1", existing: "annotation"), subject: .annotation(annotation)),
        .schemaMismatch(code: .schema, message: "standoff.rng: Did not expect element x there", hint: "see docs/FORMAT.md"),
    ]

    /// The name of a fact's case. The switch has no default, so a new kind of fact does not
    /// compile until it is named here, and then ``everyKindOfFactHasAnExample`` asks for an example.
    static func kind(of fact: TEIProblem.Fact) -> String {
        switch fact {
        case .notWellFormed: "notWellFormed"
        case .notTEIRoot: "notTEIRoot"
        case .missingText: "missingText"
        case .markupInText: "markupInText"
        case .unsupportedElement: "unsupportedElement"
        case .textOutsideParagraph: "textOutsideParagraph"
        case .lineBreakInParagraph: "lineBreakInParagraph"
        case .linkWithoutRole: "linkWithoutRole"
        case .noteWithoutType: "noteWithoutType"
        case .respStmtInAnnotation: "respStmtInAnnotation"
        case .layerWithoutType: "layerWithoutType"
        case .annotationWithoutTarget: "annotationWithoutTarget"
        case .elementWithoutID: "elementWithoutID"
        case .paragraphWithoutID: "paragraphWithoutID"
        case .unknownElement: "unknownElement"
        case .unknownAttribute: "unknownAttribute"
        case .missingParagraph: "missingParagraph"
        case .notStringRange: "notStringRange"
        case .linkNotPointer: "linkNotPointer"
        case .respNotPointer: "respNotPointer"
        case .emptyRange: "emptyRange"
        case .numberTooLarge: "numberTooLarge"
        case .negativeOffset: "negativeOffset"
        case .pastParagraphEnd: "pastParagraphEnd"
        case .invalidLayerName: "invalidLayerName"
        case .annotationWithoutLayer: "annotationWithoutLayer"
        case .invalidElementID: "invalidElementID"
        case .invalidParagraphID: "invalidParagraphID"
        case .invalidCertainty: "invalidCertainty"
        case .invalidCurationStatus: "invalidCurationStatus"
        case .twoCategories: "twoCategories"
        case .paragraphsShareID: "paragraphsShareID"
        case .idUsedTwice: "idUsedTwice"
        case .categoryPointsAtNothing: "categoryPointsAtNothing"
        case .linkToUndeclared: "linkToUndeclared"
        case .undeclaredCategory: "undeclaredCategory"
        case .refused: "refused"
        case .schemaMismatch: "schemaMismatch"
        }
    }

    static let allKinds = 38

    @Test func everyKindOfFactHasAnExample() {
        #expect(Set(Self.examples.map(Self.kind(of:))).count == Self.allKinds)
        #expect(Self.examples.count == Self.allKinds)
    }

    @Test(arguments: examples)
    func theRuleClaimingAFactsCodeWordsIt(fact: TEIProblem.Fact) {
        let rule = RuleCatalogue.rule(claiming: fact.code)
        let finding = RuleCatalogue.diagnostic(for: TEIProblem(fact, at: SourceLocation(file: "f.xml", line: 3, column: 5)))
        #expect(finding.code == rule.code)
        #expect((finding.file, finding.line, finding.column) == ("f.xml", 3, 5))
        #expect(!finding.hint.isEmpty)
        #expect(finding.message != fact.code.rawValue, "\(Self.kind(of: fact)) fell back to its bare code")
        switch fact {
        case .refused, .schemaMismatch:
            #expect(rule.words(for: fact) == nil, "these are worded by the model and the schema")
        default:
            #expect(rule.words(for: fact) != nil, "\(rule.name) does not word \(Self.kind(of: fact))")
            let others = RuleCatalogue.all.filter { $0.code != rule.code && $0.words(for: fact) != nil }
            #expect(others.isEmpty, "worded by other rules too: \(others.map(\.name))")
        }
    }

    @Test func wordsCarryTheFactsValues() {
        func message(_ fact: TEIProblem.Fact) -> String {
            RuleCatalogue.diagnostic(for: TEIProblem(fact, at: SourceLocation(file: "f", line: 1, column: 1))).message
        }
        #expect(message(.pastParagraphEnd(Self.pointer, paragraph: "p1", length: 4))
            == "annotation 'ent1': '#string-range(p9,0,5)' reaches past the end of paragraph p1, which has 4 code points")
        #expect(message(.emptyRange(TEIProblem.Pointer(annotation: "q1", token: "#string-range(p1,3,0)", inCue: true), length: 0))
            == "cue of annotation 'q1': '#string-range(p1,3,0)' has length 0")
        #expect(message(.layerWithoutType(unread: 0)) == "<listAnnotation> has no @type naming its layer")
        #expect(message(.layerWithoutType(unread: 1)) == "<listAnnotation> has no @type naming its layer (the annotation in it is not read)")
        #expect(message(.invalidLayerName(type: "a b", unread: 3))
            == "<listAnnotation type=\"a b\">: 'a b' is not a layer name (the 3 annotations in it are not read)")
        #expect(message(.refused(.duplicateID("ent1", existing: "annotation"), subject: .annotation("ent2"))).hasPrefix("annotation 'ent2': "))
    }
}
