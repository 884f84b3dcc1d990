/// Where a value the reader kept (an attribute value, a note's text) lies in its chunk's bytes.
struct PendingValue: Sendable {
    var start: Int
    var count: Int

    /// No bytes: what a missing value that is still needed (a `<ptr>` without `@target`) reads as.
    static let empty = PendingValue(start: 0, count: 0)
}

/// An `<annotation>` as the reader found it, not yet checked: its attribute values and children
/// are kept in its ``PendingChunk``, as bytes, so that reading makes no string and no array for
/// it (the values become strings, if at all, when the chunk is prepared on another thread).
struct PendingAnnotation: Sendable {
    var layer: String
    var id: String?
    var target: PendingValue?
    var ana: PendingValue?
    var resp: PendingValue?
    var cert: PendingValue?
    var when: PendingValue?
    var method: PendingValue?
    /// Its children, as positions in the chunk's lists of each kind.
    var links: Range<Int>
    var unknownLinks: Range<Int>
    var cues: Range<Int>
    var notes: Range<Int>
    /// `<change status>` children: its curation steps.
    var steps: Range<Int> = 0..<0
    var line: Int
    var column: Int
}

extension PendingAnnotation {
    /// The attributes of `<annotation>` the reader reads, besides `xml:id` (any other is kept as
    /// foreign markup and written back as it was). `motivation` is compared with the layer's
    /// and kept only where it differs (see ``TEIDocumentBuilder``); the others are kept here.
    static let attributes: [StaticString] = ["target", "motivation", "ana", "resp", "cert"]

    /// Keeps the values of ``attributes`` from the start tag in `chunk`.
    mutating func keepAttributes(of values: TEIDocumentBuilder.KnownValues, in chunk: inout PendingChunk) {
        target = values.store("target", in: &chunk)
        ana = values.store("ana", in: &chunk)
        resp = values.store("resp", in: &chunk)
        cert = values.store("cert", in: &chunk)
    }
}

/// A `<change status="…">` of an annotation: one step of its curation, as strings (rare enough).
struct PendingStep: Sendable {
    var status: String
    var who: String?
    var when: String?
    var conflict: String?
    var text: String
}

/// Up to ``PendingAnnotations/chunkSize`` pending annotations, with the bytes of their values
/// and the lists of their children: one unit of work for ``PreparationPipeline``.
struct PendingChunk: Sendable {
    fileprivate(set) var annotations: [PendingAnnotation] = []
    private var bytes: [UInt8] = []
    /// `<ptr type="ROLE" target="#ID"/>` children.
    private(set) var links: [(role: PendingValue, target: PendingValue)] = []
    /// The types of `<ref>` children (links to an explicitly unknown party).
    private(set) var unknownLinks: [PendingValue] = []
    /// The targets of `<ptr type="cue">` children.
    private(set) var cues: [PendingValue] = []
    /// `<note>` children.
    private(set) var notes: [(type: PendingValue?, n: PendingValue?, text: PendingValue)] = []
    /// `<change>` children with a `@status`: curation steps.
    private(set) var steps: [PendingStep] = []

    /// A chunk with nothing in it (what is left where a chunk was handed over and let go).
    init() {}

    fileprivate init(capacity: Int) {
        annotations.reserveCapacity(capacity)
        links.reserveCapacity(capacity)
        bytes.reserveCapacity(capacity * 48)
    }

    /// Keeps `value` and says where it lies.
    mutating func store(_ value: UnsafeBufferPointer<UInt8>) -> PendingValue {
        let start = bytes.count
        bytes.append(contentsOf: value)
        return PendingValue(start: start, count: value.count)
    }

    mutating func store(_ value: String) -> PendingValue {
        var value = value
        return value.withUTF8 { store($0) }
    }

    /// The bytes of a kept value.
    func bytes(_ value: PendingValue) -> ArraySlice<UInt8> { bytes[value.start..<(value.start + value.count)] }

    /// A kept value as a string.
    func string(_ value: PendingValue) -> String { String(decoding: bytes(value), as: UTF8.self) }

    func withBytes<Result>(_ value: PendingValue, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes(value).withUnsafeBufferPointer(body)
    }

    // Children of the annotation appended last.

    mutating func addLink(role: PendingValue, target: PendingValue) {
        links.append((role, target))
        annotations[annotations.count - 1].links = annotations[annotations.count - 1].links.lowerBound..<links.count
    }

    mutating func addUnknownLink(type: PendingValue) {
        unknownLinks.append(type)
        annotations[annotations.count - 1].unknownLinks = annotations[annotations.count - 1].unknownLinks.lowerBound..<unknownLinks.count
    }

    mutating func addCue(target: PendingValue) {
        cues.append(target)
        annotations[annotations.count - 1].cues = annotations[annotations.count - 1].cues.lowerBound..<cues.count
    }

    mutating func addNote(type: PendingValue?, n: PendingValue?, text: PendingValue) {
        notes.append((type, n, text))
        annotations[annotations.count - 1].notes = annotations[annotations.count - 1].notes.lowerBound..<notes.count
    }

    mutating func addStep(_ step: PendingStep) {
        if annotations[annotations.count - 1].steps.isEmpty { annotations[annotations.count - 1].steps = steps.count..<steps.count }
        steps.append(step)
        annotations[annotations.count - 1].steps = annotations[annotations.count - 1].steps.lowerBound..<steps.count
    }

    /// Records the `<change>` of the annotation appended last: when, and by what method.
    mutating func setChange(when: String?, method: String?) {
        let when = when.map { store($0) }
        let method = method.map { store($0) }
        annotations[annotations.count - 1].when = when
        annotations[annotations.count - 1].method = method
    }
}

/// Pending annotations in file order, in chunks of a fixed size: a growing file is never copied
/// whole to a larger array, and each chunk is prepared on its own thread.
struct PendingAnnotations {
    static let chunkSize = 16_384
    private(set) var chunks: [PendingChunk] = []
    private(set) var count = 0

    /// Begins the next annotation; `values` keeps its attribute values in the chunk.
    mutating func append(layer: String, id: String?, line: Int, column: Int,
                         values: (inout PendingAnnotation, inout PendingChunk) -> Void = { _, _ in }) {
        if chunks.isEmpty || chunks[chunks.count - 1].annotations.count == Self.chunkSize {
            chunks.append(PendingChunk(capacity: Self.chunkSize))
        }
        let last = chunks.count - 1
        var annotation = PendingAnnotation(
            layer: layer, id: id, links: chunks[last].links.count..<chunks[last].links.count,
            unknownLinks: chunks[last].unknownLinks.count..<chunks[last].unknownLinks.count,
            cues: chunks[last].cues.count..<chunks[last].cues.count,
            notes: chunks[last].notes.count..<chunks[last].notes.count, line: line, column: column)
        values(&annotation, &chunks[last])
        chunks[last].annotations.append(annotation)
        count += 1
    }

    /// Begins the next annotation with the attribute values given as strings.
    mutating func append(layer: String, id: String?, target: String?, ana: String?, resp: String? = nil, cert: String? = nil,
                         line: Int, column: Int = 1) {
        append(layer: layer, id: id, line: line, column: column) { annotation, chunk in
            annotation.target = target.map { chunk.store($0) }
            annotation.ana = ana.map { chunk.store($0) }
            annotation.resp = resp.map { chunk.store($0) }
            annotation.cert = cert.map { chunk.store($0) }
        }
    }

    /// Lets go of chunk `index`, which must be complete (not the last): its annotations were
    /// handed over and are no longer needed here. They still count in ``count``.
    mutating func release(chunk index: Int) {
        precondition(index < chunks.count - 1, "only a complete chunk can be let go")
        chunks[index] = PendingChunk()
    }

    /// Adds to the annotation appended last (its children come after it); nothing if there is none.
    mutating func updateLast(_ change: (inout PendingChunk) -> Void) {
        guard !chunks.isEmpty else { return }
        change(&chunks[chunks.count - 1])
    }
}
