import Foundation
import StandoffModel
@testable import StandoffTEI
import Testing
import TestSupport

@Suite("Names TEI does not define: a misspelt name is an error with a suggestion, TEI markup Standoff does not model is kept")
struct UnknownNameTests {
    /// The rule fixture with one line of its clean twin changed.
    func read(replacing original: String, with replacement: String, andAfterIt laterOriginal: String? = nil, with laterReplacement: String = "") throws -> (path: String, line: Int, result: TEIReadResult, directory: TemporaryDirectory) {
        let clean = String(decoding: Repository.read(Repository.fixture("rules/clean.tei.xml")), as: UTF8.self)
        let range = try #require(clean.range(of: original))
        var text = clean.replacingCharacters(in: range, with: replacement)
        if let laterOriginal {
            let later = try #require(text.range(of: laterOriginal, range: range.lowerBound..<text.endIndex))
            text.replaceSubrange(later, with: laterReplacement)
        }
        let directory = TemporaryDirectory()
        let path = directory.file("names.tei.xml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let line = text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
        let result = TEIReader.read(path: path)
        #expect(!result.problems.contains { $0.code.rawValue == "xml-syntax" }, "the changed file must still be well-formed")
        return (path, line, result, directory)
    }

    func unknownNames(_ result: TEIReadResult) -> [TEIProblem] { result.problems.filter { $0.code.rawValue == "unknown-tei-name" } }

    @Test func aMisspeltListIsReportedWithWhatItWasMeantToBe() throws {
        let (path, line, result, _) = try read(replacing: #"<listAnnotation type="quotation">"#, with: #"<listAnnotaton type="quotation">"#,
                                               andAfterIt: "</listAnnotation>", with: "</listAnnotaton>")
        let problem = try #require(unknownNames(result).first)
        #expect(unknownNames(result).count == 1)
        #expect(problem.message == "<listAnnotaton> in <standOff> is not a TEI element: Standoff keeps it as markup it does not read, with everything inside it (1 annotation)")
        #expect(problem.hint.hasPrefix("did you mean <listAnnotation>?"))
        #expect(problem.location.file == path && problem.location.line == line)
        // What the misspelt list held is not in the model: that is why it is an error.
        #expect(result.document?.annotation("quo1") == nil)
        #expect(throws: TEIReadError.self) { try TEIReader.load(path: path) }
    }

    @Test func aMisspeltChildOfAnAnnotationIsReported() throws {
        let (_, line, result, _) = try read(replacing: #"<note type="correction">talked</note>"#, with: #"<nte type="correction">talked</nte>"#)
        let problem = try #require(unknownNames(result).first)
        #expect(problem.message == "<nte> in <annotation> is not a TEI element: Standoff keeps it as markup it does not read, with everything inside it")
        #expect(problem.hint.hasPrefix("did you mean <note>?"))
        #expect(problem.location.line == line)
    }

    @Test(arguments: [
        (##"ana="#PER"><ptr type="ref" target="#kim"/>"##, ##"ana="#PER" cret="high"><ptr type="ref" target="#kim"/>"##,
         "@cret on <annotation> 'ent1' is not a TEI attribute: Standoff keeps it but does not read it", "did you mean @cert?"),
        (##"ana="#PER"><ptr type="ref" target="#kim"/>"##, ##"ana="#PER" id="ent1"><ptr type="ref" target="#kim"/>"##,
         "@id on <annotation> 'ent1' is not a TEI attribute", "did you mean @xml:id?"),
        (##"<ptr type="ref" target="#kim"/>"##, ##"<ptr type="ref" tagret="#kim"/>"##,
         "@tagret on <ptr> in annotation 'ent1' is not a TEI attribute", "did you mean @target?"),
        (#"<listPerson>"#, #"<listPerson zzqx="1">"#,
         "@zzqx on <listPerson> is not a TEI attribute", "check the name against the TEI Guidelines"),
    ])
    func aMisspeltAttributeIsReported(original: String, replacement: String, message: String, hint: String) throws {
        let (_, line, result, _) = try read(replacing: original, with: replacement)
        let found = unknownNames(result)
        #expect(found.count == 1, "\(found)")
        let problem = try #require(found.first)
        #expect(problem.message.hasPrefix(message), "\(problem.message)")
        #expect(problem.hint.hasPrefix(hint), "\(problem.hint)")
        #expect(problem.location.line == line)
        #expect(problem.location.column > 0)
    }

    @Test func teiMarkupStandoffDoesNotModelAndOtherNamespacesAreNoError() throws {
        // author, profileDesc, listRelation, @sex, @n and a note of another type are TEI; ex:… is another vocabulary.
        for fixture in ["foreign-tei-content.tei.xml", "foreign-content.tei.xml", "rules/clean.tei.xml"] {
            let result = TEIReader.read(path: Repository.fixture(fixture))
            #expect(unknownNames(result).isEmpty, "\(fixture): \(unknownNames(result))")
            #expect(result.document != nil)
        }
        let (_, _, result, _) = try read(replacing: #"<listPerson>"#, with: #"<listPerson rend="compact" xmlns:x="urn:x" x:zzqx="1">"#)
        #expect(unknownNames(result).isEmpty)
    }
}

@Suite("TEI names: the generated lists match the schema", .enabled(if: Repository.teiAllSchema != nil, "tei_all.rng not found beside the repository"))
struct TEINamesTests {
    @Test func theNameListsAreThoseOfTheSchemaBesideTheRepository() throws {
        // TEINames.swift is generated (Scripts/generate-tei-names.py); it must not drift from the schema.
        let schema = try #require(Repository.teiAllSchema)
        let text = String(decoding: Repository.read(schema), as: UTF8.self)
        // Each <element> or <attribute> tag of the schema, with its @name, unless it names another namespace.
        func names(_ tag: String) throws -> Set<String> {
            let tags = try Regex("<\(tag)\\s[^>]*>")
            let name = try Regex(#"\sname="([^"]+)""#)
            return Set(text.matches(of: tags).compactMap { match -> String? in
                let whole = text[match.range]
                guard !whole.contains(" ns=\""), let found = whole.firstMatch(of: name) else { return nil }
                return found.output[1].substring.map(String.init)
            })
        }
        let elements = try names("element")
        let attributes = try names("attribute").filter { !$0.contains(":") }
        #expect(TEINames.elements == elements)
        #expect(TEINames.attributes == attributes)
        #expect(TEINames.elements.contains("listAnnotation") && TEINames.attributes.contains("cert"))
    }
}

@Suite("Did-you-mean suggestions")
struct NameSuggestionTests {
    @Test func editDistanceCountsASwapAsOneEdit() {
        func distance(_ a: String, _ b: String) -> Int { NameSuggestion.editDistance(Array(a.utf8), Array(b.utf8), limit: 5) }
        #expect(distance("cert", "cert") == 0)
        #expect(distance("cret", "cert") == 1)
        #expect(distance("tagret", "target") == 1)
        #expect(distance("nte", "note") == 1)
        #expect(distance("listAnnotaton", "listAnnotation") == 1)
        #expect(distance("abc", "xyz") == 3)
        #expect(NameSuggestion.editDistance(Array("a".utf8), Array("abcdefgh".utf8), limit: 2) == 3)
    }

    @Test func theClosestNameIsSuggestedAndPreferredNamesWinTies() {
        #expect(NameSuggestion.closest(to: "listannotation", preferring: [], among: ["listAnnotation", "listApp"]) == "listAnnotation")
        #expect(NameSuggestion.closest(to: "nte", preferring: ["note", "ptr"], among: ["nate", "note"]) == "note")
        #expect(NameSuggestion.closest(to: "bat", preferring: ["cat"], among: ["bad"]) == "cat")
        #expect(NameSuggestion.closest(to: "zzqx", preferring: ["cert"], among: ["target"]) == nil)
    }
}
