import CLibXML2
import Foundation
import StandoffModel
import StandoffTEI
import Testing
import TestSupport

/// The official TEI schema, compiled once per test run (about 10 s with libxml2).
final class TEIAllSchema: @unchecked Sendable {
    static let shared = TEIAllSchema()
    private let schema: xmlRelaxNGPtr?
    private let lock = NSLock()
    let path: String?

    private init() {
        path = Repository.teiAllSchema
        guard let path, let parser = xmlRelaxNGNewParserCtxt(path) else { schema = nil; return }
        schema = xmlRelaxNGParse(parser)
        xmlRelaxNGFreeParserCtxt(parser)
    }

    /// The validation errors for the file at `file`; empty when it is valid.
    func errors(validating file: String) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        guard let schema, let context = xmlRelaxNGNewValidCtxt(schema) else { return ["the schema did not compile"] }
        defer { xmlRelaxNGFreeValidCtxt(context) }
        final class Box { var messages: [String] = [] }
        let box = Box()
        xmlRelaxNGSetValidStructuredErrors(context, { data, error in
            guard let data, let error else { return }
            let box = Unmanaged<Box>.fromOpaque(data).takeUnretainedValue()
            box.messages.append("\(error.pointee.line): \(error.pointee.message.map { String(cString: $0) } ?? "")")
        }, Unmanaged.passUnretained(box).toOpaque())
        guard let tree = xmlReadFile(file, nil, Int32(XML_PARSE_NONET.rawValue)) else { return ["not well-formed"] }
        defer { xmlFreeDoc(tree) }
        let result = xmlRelaxNGValidateDoc(context, tree)
        return result == 0 ? [] : (box.messages.isEmpty ? ["invalid (code \(result))"] : box.messages)
    }
}

@Suite("Conformance with the official TEI schema (tei_all.rng, P5 4.9.0)", .serialized,
       .enabled(if: Repository.teiAllSchema != nil, "tei_all.rng not found beside the repository (../shared/tei) nor in $STANDOFF_TEI_ALL"))
struct SchemaConformanceTests {
    @Test func aDocumentUsingEveryFeatureIsValidTEI() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("rich.tei.xml")
        try TEIWriter.write(Samples.richDocument(), to: path)
        #expect(TEIAllSchema.shared.errors(validating: path) == [])
    }

    @Test func theSeedWithoutAnnotationsIsValidTEI() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("seed.tei.xml")
        try TEIWriter.write(Samples.seedDocument(), to: path)
        #expect(TEIAllSchema.shared.errors(validating: path) == [])
    }

    @Test func foreignTEIContentWrittenBackAfterAnEditIsStillValid() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("foreign.tei.xml")
        var document = try TEIReader.load(path: Repository.fixture("foreign-tei-content.tei.xml"))
        try document.add(Annotation(id: "ent2", layer: .entity, category: "PER", ranges: document.ranges(of: "Trump")))
        try TEIWriter.write(document, to: path)
        #expect(TEIAllSchema.shared.errors(validating: path) == [])
        let xml = String(decoding: Repository.read(path), as: UTF8.self)
        #expect(xml.contains("<listRelation>") && xml.contains("<profileDesc>") && xml.contains(#"sex="M""#))
    }

    @Test func teiFromOtherToolsWrittenBackAfterAnEditIsStillValid() throws {
        // Divisions, a prolog, a <sourceDesc> of paragraphs and no recorded hash: no <bibl> is
        // added beside the paragraphs, no empty hash is written.
        let source = Repository.fixture("other-tool.tei.xml")
        #expect(TEIAllSchema.shared.errors(validating: source) == [])
        let directory = TemporaryDirectory()
        let path = directory.file("other.tei.xml")
        var document = try TEIReader.load(path: source)
        try document.add(Taxonomy(id: "error", categories: [Category(id: "typo", description: "A typo")]))
        try document.add(Annotation(id: "ent2", layer: .entity, category: "PER", ranges: document.ranges(of: "Trump")))
        try TEIWriter.write(document, to: path)
        #expect(TEIAllSchema.shared.errors(validating: path) == [])
    }

    @Test func theSchemaCheckRejectsAnInvalidFile() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("bad.tei.xml")
        try Data(#"<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>x</p></body></text></TEI>"#.utf8).write(to: URL(fileURLWithPath: path))
        #expect(!TEIAllSchema.shared.errors(validating: path).isEmpty)
    }
}

extension SchemaConformanceTests {
    @Test func theShippedAnnotationsAreValidTEI() throws {
        let path = Repository.shippedAnnotations
        #expect(TEIAllSchema.shared.errors(validating: path) == [])
    }
}
