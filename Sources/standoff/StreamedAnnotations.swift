import StandoffModel
import StandoffTEI

/// Reads a file for the commands that only look (`list`, `show`, the exports that stream): its annotations are handed
/// over as the reader prepares them, without building the editable ``Document`` and its
/// indexes. A file with problems is refused as `DocumentFile.load` refuses it.
final class StreamedAnnotations: TEIAnnotationConsumer {
    private let keep: (Annotation) -> Bool
    private let take: (Annotation, SourceText) -> Void
    private let begin: (Document) -> Void
    private(set) var declarations: Document?
    /// What the reader gives at the end of the file: the header's revisions, and what it keeps without reading.
    private(set) var revisions: [Revision] = []
    private(set) var preserved = PreservedContent()
    /// What the editable document would refuse: a file with any of it is refused, as `load` refuses it.
    fileprivate(set) var checks: RecordChecks?
    /// The layers the records had, and the file's taxonomies: what `--layer` may name.
    private(set) var layersSeen: Set<Layer> = []

    /// Streams `path`, giving `begin` the declarations (a document without annotations) and
    /// then `take` each annotation that `keep` accepts, with the text.
    static func read(_ path: String, begin: @escaping (Document) -> Void = { _ in }, keep: @escaping (Annotation) -> Bool,
                     take: @escaping (Annotation, SourceText) -> Void) throws(CLIError) -> StreamedAnnotations {
        let consumer = StreamedAnnotations(begin: begin, keep: keep, take: take)
        let result = TEIReader.stream(path: path, into: consumer)
        let problems = result.problems + (consumer.checks?.problems ?? [])
        guard problems.isEmpty, consumer.declarations != nil else { throw CLIError(TEIReadError(problems: problems)) }
        consumer.revisions = result.revisions
        consumer.preserved = result.preserved
        UnreadStandOffNote.print(result.unreadStandOff, file: path)
        return consumer
    }

    private init(begin: @escaping (Document) -> Void, keep: @escaping (Annotation) -> Bool, take: @escaping (Annotation, SourceText) -> Void) {
        self.begin = begin
        self.keep = keep
        self.take = take
    }

    func begin(with declarations: Document, expecting count: Int) {
        self.declarations = declarations
        checks = RecordChecks(declarations: declarations)
        layersSeen = []
        begin(declarations)
    }

    func consume(_ record: AnnotationRecord) {
        guard checks?.check(record) ?? false else { return }
        let annotation = record.annotation
        layersSeen.insert(annotation.layer)
        if keep(annotation), let text = declarations?.text { take(annotation, text) }
    }

    func end() { checks?.finish() }
}

/// Says on standard error which annotations of a file are not read: TEI's other stand-off
/// forms (a `<div>` around a `<listAnnotation>`, a `<spanGrp>`), kept as markup.
enum UnreadStandOffNote {
    static func print(_ unread: [TEIReadResult.UnreadStandOff], file: String) {
        for item in unread {
            Terminal.printError("standoff: note: \(file):\(item.location.line): <\(item.element)> in <standOff> holds \(item.counted) that Standoff does not read (not listed, not counted); `standoff validate \(file)` explains")
        }
    }
}
