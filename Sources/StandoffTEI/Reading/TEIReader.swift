import StandoffXML
import Foundation
import StandoffModel

/// What reading a TEI file produced: the document if it could be built, every problem found,
/// and where each declared id stands in the file.
public struct TEIReadResult: Sendable {
    public var document: Document?
    public var problems: [TEIProblem]
    /// The start tag of each register entry, category, annotator and paragraph, by id
    /// (annotations: ``annotationLocations``; ``location(of:)`` looks in both).
    public var locations: [Identifier: SourceLocation]
    /// The start tag of each annotation of ``document``, in the order of its `annotations`.
    public var annotationLocations: [SourceLocation] = []
    /// Where the header records the text's SHA-256.
    public var sourceHashLocation: SourceLocation? = nil
    /// Whether the file holds markup Standoff does not model (kept in ``Document/preserved``).
    public var hasForeignMarkup = false
    /// Annotations left unread with the element that holds them: in a `<listAnnotation>`
    /// without a layer, or inside an element TEI does not define (each reported once there).
    public var unreadAnnotations = 0
    /// TEI's other stand-off forms that Standoff keeps without reading, as markup: an element
    /// of `<standOff>` holding `<annotation>`s (a `<div>` around a `<listAnnotation>`), `<span>`s
    /// (`<spanGrp>`) or `<link>`s (`<linkGrp>`), with how many of each.
    public var unreadStandOff: [UnreadStandOff] = []
    /// For a consumer of ``TEIReader/stream(path:into:)`` (which gets no document): what the
    /// file holds besides its declarations and annotations, known only at its end: the
    /// header's revisions and what Standoff keeps without reading. In ``document`` otherwise.
    public var revisions: [Revision] = []
    public var preserved = PreservedContent()

    /// An element of `<standOff>` holding annotations Standoff does not read.
    public struct UnreadStandOff: Sendable, Equatable {
        public var element: String
        public var location: SourceLocation
        public var annotations = 0
        public var spans = 0
        public var links = 0

        /// "12 annotations, 3 spans".
        public var counted: String {
            [(annotations, "annotation"), (spans, "span"), (links, "link")].filter { $0.0 > 0 }
                .map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }.joined(separator: ", ")
        }
    }


    /// Where the element that declares `id` starts.
    public func location(of id: Identifier) -> SourceLocation? {
        if let position = document?.position(ofAnnotation: id), position < annotationLocations.count {
            return annotationLocations[position]
        }
        return locations[id]
    }
}

/// Reads Standoff's TEI stand-off files (see docs/FORMAT.md) in one streaming pass.
///
/// Elements and attributes Standoff does not know, in the header and in `<standOff>`, are kept
/// in ``Document/preserved`` and written back by ``TEIWriter``.
public enum TEIReader {
    /// How a file is read: on the calling thread alone, or with helper threads (preparing
    /// annotations while the parse goes on, checking the schema beside it).
    enum Concurrency {
        /// Helpers for files of ``largeFileSize`` and more, and for pipes; none for smaller files.
        case automatic
        case callingThreadOnly
        case withHelpers

        /// Below this size a file is read on the calling thread alone: starting helpers would
        /// cost more than they save, and a validator reading many files keeps one thread a file.
        static let largeFileSize = 4 << 20

        func usesHelpers(for path: String) -> Bool {
            switch self {
            case .callingThreadOnly: return false
            case .withHelpers: return true
            case .automatic:
                var status = stat()
                guard stat(path, &status) == 0 else { return false }
                // Not a regular file (a pipe): it can be read once only, so the schema must check
                // the same parse, beside it.
                return (status.st_mode & S_IFMT) != S_IFREG || Int(status.st_size) >= Self.largeFileSize
            }
        }
    }

    /// Whether reading the file at `path` starts helper threads of its own (files of 4 MB and
    /// more, and pipes, which can be read once only); a smaller one is read on the calling thread alone.
    public static func readsWithHelpers(_ path: String) -> Bool { Concurrency.automatic.usesHelpers(for: path) }

    /// Reads a file and reports every problem instead of stopping at the first.
    public static func read(path: String) -> TEIReadResult {
        read(path: path, concurrency: .automatic)
    }

    static func read(path: String, concurrency: Concurrency) -> TEIReadResult {
        read(path: path, into: DocumentCollector(), concurrency: concurrency)
    }

    /// Reads a file and hands its annotations to `consumer` in file order as they are prepared,
    /// without building a ``Document``: what stays in memory is the text and the declarations,
    /// and whatever the consumer keeps. The result has the problems reading found (and no
    /// document); those only a ``Document`` finds (a duplicate id, an undeclared annotator) are
    /// left to the consumer, which gets such records as they stand.
    public static func stream(path: String, into consumer: TEIAnnotationConsumer) -> TEIReadResult {
        read(path: path, into: consumer, concurrency: .automatic)
    }

    static func read(path: String, into consumer: TEIAnnotationConsumer, concurrency: Concurrency, preparingEarly: Bool = true) -> TEIReadResult {
        let helped = concurrency.usesHelpers(for: path)
        let builder = TEIDocumentBuilder(file: path, preparesEarly: preparingEarly && helped, helpers: helped ? TEIDocumentBuilder.helpers : 0,
                                         consumer: consumer)
        let parser = SAXParser(handler: builder)
        parser.parse(path: path)
        for failure in parser.failures {
            builder.problem(.notWellFormed(message: failure.message, kind: failure.kind), at: SourceLocation(file: path, line: failure.line, column: failure.column))
        }
        let result = builder.finish(parseFailed: parser.failures.contains { $0.isFatal })
        let mustReadAgain = builder.mustReadAgain
        // The builder still holds every annotation as read; the caller needs only the result.
        if helped { BackgroundRelease.release((consume builder, consume parser)) }
        return mustReadAgain ? read(path: path, into: consumer, concurrency: concurrency, preparingEarly: false) : result
    }

    /// Reads a file and checks it against `schema`. A large file is parsed once for both: the
    /// events are recorded as they come and checked on a thread of their own (see ``EventLog``)
    /// while this one builds the document. A small one is read, then checked, on this thread.
    public static func read(path: String, checkingAgainst schema: TEISchema) -> (read: TEIReadResult, schemaProblems: [TEIProblem]) {
        read(path: path, checkingAgainst: schema, concurrency: .automatic)
    }

    static func read(path: String, checkingAgainst schema: TEISchema, concurrency: Concurrency) -> (read: TEIReadResult, schemaProblems: [TEIProblem]) {
        guard concurrency.usesHelpers(for: path) else {
            let read = read(path: path, concurrency: .callingThreadOnly)
            // A file that cannot be opened is reported once, by the reader.
            guard !read.problems.contains(where: { $0.code == .xmlSyntax && $0.location.line == 0 }) else { return (read, []) }
            return (read, schema.validate(path: path))
        }
        let builder = TEIDocumentBuilder(file: path, preparesEarly: true, helpers: TEIDocumentBuilder.helpers, consumer: DocumentCollector())
        let log = EventLog()
        let checked = CheckedProblems()
        let checking = Thread { checked.finish(schema.validate(log, file: path)) }
        checking.start()
        let handler = log.record(builder)
        let parser = SAXParser(handler: handler)
        withExtendedLifetime(handler) { parser.parse(path: path, keepingNames: true) }
        log.close()
        for failure in parser.failures {
            builder.problem(.notWellFormed(message: failure.message, kind: failure.kind), at: SourceLocation(file: path, line: failure.line, column: failure.column))
        }
        var result = builder.finish(parseFailed: parser.failures.contains { $0.isFatal })
        if builder.mustReadAgain { result = read(path: path, into: DocumentCollector(), concurrency: .withHelpers, preparingEarly: false) }
        let schemaProblems = checked.wait()
        // The recorded events name elements by the parser's pointers: keep them valid until now.
        parser.releaseNames()
        // The builder still holds every annotation as read, and the parser and the handler hold
        // the builder; the caller needs only the result.
        BackgroundRelease.release((consume builder, consume parser, consume handler))
        return (result, schemaProblems)
    }

    /// Checks only that a file is well-formed XML, with the same hardening and messages as
    /// ``read(path:)``, without building a document: well-formedness at the parser's own speed.
    public static func checkWellFormedness(path: String) -> TEIReadResult {
        let parser = SAXParser(handler: IgnoringHandler())
        parser.parse(path: path)
        let problems = parser.failures.map { failure in
            TEIProblem(.notWellFormed(message: failure.message, kind: failure.kind), at: SourceLocation(file: path, line: failure.line, column: failure.column))
        }
        return TEIReadResult(document: nil, problems: problems, locations: [:])
    }

    /// Receives SAX events and does nothing with them.
    private final class IgnoringHandler: SAXHandler {
        func startElement(_ tag: StartTag, at location: (line: Int, column: Int)) {}
        func endElement(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?) {}
        func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}
        func comment(_ text: UnsafePointer<UInt8>) {}
        func processingInstruction(target: UnsafePointer<UInt8>, data: UnsafePointer<UInt8>?) {}
    }

    /// Reads a file for editing: any error stops it, so that nothing is lost on write.
    public static func load(path: String) throws(TEIReadError) -> Document {
        let result = read(path: path)
        guard result.problems.isEmpty, let document = result.document else {
            throw TEIReadError(problems: result.problems)
        }
        return document
    }

    /// The schema thread's problems, handed over once it is done.
    private final class CheckedProblems: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var problems: [TEIProblem] = []

        func finish(_ found: [TEIProblem]) {
            problems = found
            done.signal()
        }

        func wait() -> [TEIProblem] {
            done.wait()
            return problems
        }
    }
}
