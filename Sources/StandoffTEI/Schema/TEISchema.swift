import StandoffXML
import CLibXML2
import Foundation

/// A compiled RELAX NG schema that files are checked against while streaming
/// (libxml2's progressive `xmlRelaxNG` validation fed by Standoff's SAX2 parser, see
/// ``RelaxNGFeed``), without building a tree.
///
/// ``standoff()`` is the project's own schema (`Resources/standoff.rng`): strict about what
/// Standoff writes, open to foreign content where Standoff keeps it, and quick to compile. Any
/// other schema, such as the official `tei_all.rng`, can be loaded from a path.
public final class TEISchema: @unchecked Sendable {
    private let schema: xmlRelaxNGPtr
    /// Where the schema came from, for messages.
    public let name: String
    private let lock = NSLock()
    /// For Standoff's own schema: which values it leaves unconstrained, so that annotations of
    /// a shape already found valid are not validated again (see ``ShapeKey``).
    var shapeKey: ShapeKey?

    /// Compiles the schema at `path`.
    public convenience init(path: String) throws(TEISchemaError) {
        TEISchema.datatypesRegistered
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw TEISchemaError(message: "cannot read the schema \(path)", hint: "check the path given to --tei-all")
        }
        guard let parser = xmlRelaxNGNewParserCtxt(path) else {
            throw TEISchemaError(message: "cannot load the schema \(path)", hint: "check that it is a RELAX NG schema in XML syntax")
        }
        try self.init(parser: parser, path: path, name: URL(fileURLWithPath: path).lastPathComponent)
    }

    /// Compiles a schema given as text; `path` names it in messages.
    public convenience init(text: String, path: String, name: String) throws(TEISchemaError) {
        TEISchema.datatypesRegistered
        // libxml2 reads the buffer during xmlRelaxNGParse, so it must outlive the parser context.
        guard let buffer = strdup(text) else {
            throw TEISchemaError(message: "out of memory loading the schema \(path)", hint: "free some memory and try again")
        }
        defer { free(buffer) }
        guard let parser = xmlRelaxNGNewMemParserCtxt(buffer, Int32(strlen(buffer))) else {
            throw TEISchemaError(message: "cannot load the schema \(path)", hint: "rebuild Standoff; the schema is a resource of the StandoffTEI module")
        }
        try self.init(parser: parser, path: path, name: name)
    }

    /// libxml2 registers its RELAX NG datatype libraries the first time a schema is compiled, and
    /// builds its table of XML Schema types the first time a schema names one; two threads doing
    /// either at once corrupt it ("Error type 'language' is not exported"). Both are done once
    /// here, before any schema is compiled.
    private static let datatypesRegistered: Void = {
        xmlInitParser()
        _ = xmlRelaxNGInitTypes()
        xmlSchemaInitTypes()
    }()

    /// Compiles with `parser`, which it frees.
    private init(parser: xmlRelaxNGParserCtxtPtr, path: String, name: String) throws(TEISchemaError) {
        defer { xmlRelaxNGFreeParserCtxt(parser) }
        let collector = MessageCollector()
        xmlRelaxNGSetParserStructuredErrors(parser, MessageCollector.callback, Unmanaged.passUnretained(collector).toOpaque())
        guard let schema = xmlRelaxNGParse(parser) else {
            throw TEISchemaError(message: "the schema \(path) does not compile: \(collector.messages.first?.message ?? "unknown error")",
                                 hint: "give a RELAX NG schema in XML syntax (.rng), such as tei_all.rng")
        }
        self.schema = schema
        self.name = name
    }

    deinit { xmlRelaxNGFree(schema) }

    /// The project's own schema, shipped with the package.
    public static func standoff() throws(TEISchemaError) -> TEISchema {
        let schema = try TEISchema(path: standoffPath())
        schema.shapeKey = .standoff
        return schema
    }

    /// The project's schema without foreign elements among the children of `<standOff>` and
    /// `<listAnnotation>`: libxml2 matches it in linear time, where a wildcard among thousands of
    /// siblings is quadratic. For a file without foreign elements there, it accepts exactly what
    /// ``standoff()`` accepts; check files that have some with ``standoff()``.
    public static func standoffStreaming() throws(TEISchemaError) -> TEISchema {
        let path = try standoffPath()
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw TEISchemaError(message: "cannot read the schema \(path)", hint: "rebuild Standoff; the schema is a resource of the StandoffTEI module")
        }
        let schema = try TEISchema(text: streamingVariant(of: text), path: path, name: "standoff.rng")
        schema.shapeKey = .standoff
        return schema
    }

    /// `standoff.rng` with the references to `containerForeign` taken out of their choices.
    static func streamingVariant(of schema: String) -> String {
        schema.replacingOccurrences(of: #"<ref name="containerForeign"/></choice>"#, with: "</choice>")
    }

    private static func standoffPath() throws(TEISchemaError) -> String {
        guard let path = Bundle.module.path(forResource: "standoff", ofType: "rng") else {
            throw TEISchemaError(message: "the Standoff schema (standoff.rng) is missing from the installation",
                                 hint: "rebuild Standoff; the schema is a resource of the StandoffTEI module")
        }
        return path
    }

    /// How many subtrees the last ``validate(path:code:)`` gave libxml2 whole, and the most
    /// elements one of them had (for tests: the work that must not grow with a list's length).
    private(set) var lastWork = (wholeValidations: 0, largestWholeSubtree: 0)

    /// Checks the file at `path`; every mismatch is a problem with code `schema`, at its line.
    /// Validations with one schema run one at a time; give each thread its own schema to run in parallel.
    public func validate(path: String, code: TEIProblem.Code = .schema) -> [TEIProblem] {
        lock.lock()
        defer { lock.unlock() }
        guard let feed = RelaxNGFeed(schema: schema, shapes: shapeKey) else {
            return [TEIProblem(.schemaMismatch(code: code, message: "libxml2 could not start schema validation", hint: "this is a bug; please report it"),
                               at: SourceLocation(file: path, line: 0, column: 0))]
        }
        let parser = SAXParser(handler: feed)
        parser.parse(path: path)
        lastWork = (feed.wholeValidations, feed.largestWholeSubtree)
        if let failure = parser.failures.first(where: \.isFatal), failure.line == 0 {
            return [TEIProblem(.schemaMismatch(code: code, message: "cannot read the file for schema validation: \(failure.message)",
                                               hint: "check that the file is readable"), at: SourceLocation(file: path, line: 0, column: 0))]
        }
        return problems(of: feed, file: path, code: code)
    }

    /// Checks the events another thread records in `log` while it parses `file` (see
    /// ``TEIReader/read(path:checkingAgainst:)``); returns when the log is closed.
    func validate(_ log: EventLog, file: String, code: TEIProblem.Code = .schema) -> [TEIProblem] {
        lock.lock()
        defer { lock.unlock() }
        guard let feed = RelaxNGFeed(schema: schema, shapes: shapeKey) else {
            log.discardAll()
            return [TEIProblem(.schemaMismatch(code: code, message: "libxml2 could not start schema validation", hint: "this is a bug; please report it"),
                               at: SourceLocation(file: file, line: 0, column: 0))]
        }
        log.replay(into: feed)
        return problems(of: feed, file: file, code: code)
    }

    /// The feed's findings as problems with code `code`, at their lines.
    private func problems(of feed: RelaxNGFeed, file path: String, code: TEIProblem.Code) -> [TEIProblem] {
        // libxml2 reports the innermost fault first, then echoes it at each ancestor as the
        // ancestor closes ("Element annotation has extra content", "Element standOff has extra
        // content"); an ancestor starts at or before the line of what was reported before it.
        // One fault, one message: drop those echoes.
        var deepest = 0
        let messages = feed.messages.filter { message in
            defer { deepest = max(deepest, message.line) }
            return !(SchemaMessage.specificity(ofCode: message.code) == .echo && message.line <= deepest)
        }
        var problems = messages.map { message in
            var problem = TEIProblem(.schemaMismatch(code: code, message: "\(name): \(message.text)", hint: SchemaMessage.hint(forCode: message.code)),
                                     at: SourceLocation(file: path, line: message.line, column: message.column))
            problem.specificity = SchemaMessage.specificity(ofCode: message.code)
            return problem
        }
        if feed.failed && problems.isEmpty {
            problems.append(TEIProblem(.schemaMismatch(code: code, message: "\(name): the document does not match the schema", hint: "compare it with docs/FORMAT.md"),
                                       at: SourceLocation(file: path, line: 1, column: 1)))
        }
        return problems
    }
}

/// The schema could not be loaded.
public struct TEISchemaError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var hint: String
    public var description: String { "error: \(message)\n  hint: \(hint)" }
}

/// Collects libxml2's structured errors.
final class MessageCollector {
    struct Message {
        var message: String
        var line: Int
        var column: Int
    }

    var messages: [Message] = []

    static let callback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<MessageCollector>.fromOpaque(context).takeUnretainedValue()
        guard error.pointee.level != XML_ERR_WARNING, collector.messages.count < 1000 else { return }
        var text = error.pointee.message.map { String(cString: $0) } ?? "error"
        while text.last?.isNewline == true { text.removeLast() }
        var line = Int(error.pointee.line)
        if line == 0, let node = error.pointee.node {
            line = Int(xmlGetLineNo(node.assumingMemoryBound(to: xmlNode.self)))
        }
        collector.messages.append(Message(message: text, line: max(line, 0), column: Int(error.pointee.int2)))
    }
}
