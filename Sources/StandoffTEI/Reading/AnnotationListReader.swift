import StandoffModel

/// Reads the `<listAnnotation>`s of `<standOff>`: the layer each is for, and each
/// `<annotation>` with its links, cues, notes and change, handed on as it is read. A list
/// without a valid layer is counted, not read, and its one problem says how many it held.
struct AnnotationListReader {
    typealias Place = TEIDocumentBuilder.Place
    typealias KnownValues = TEIDocumentBuilder.KnownValues

    let handOff: AnnotationHandOff
    /// The `@type` of the open list, and that type as a layer if it is a valid one.
    private(set) var layer: (type: String?, value: Layer?) = (nil, nil)
    /// The motivation Standoff writes for the open list's layer, which is implied, not kept.
    private(set) var motivation: [UInt8] = []
    /// While a list without a valid layer is open: its problem, and how many annotations it holds.
    private var unread: (problem: Int, annotations: Int)?
    /// The `<change>` of the annotation being read: when, by what method; with a status, a curation step.
    private var change: (when: String?, method: String?, status: String?, who: String?, n: String?)?
    /// Annotations left unread so far, in lists without a valid layer.
    private(set) var unreadAnnotations = 0

    init(handOff: AnnotationHandOff) { self.handOff = handOff }

    /// Whether the annotations of the open list are read.
    var isReading: Bool { unread == nil }

    mutating func startList(type: String?, problems: inout [TEIProblem], at location: SourceLocation) {
        layer = (type, type.flatMap { try? Layer($0) })
        motivation = layer.value.map { Array(TEI.motivation(for: $0).utf8) } ?? []
        if type == nil {
            problems.append(TEIProblem(.layerWithoutType(unread: 0), at: location))
            unread = (problems.count - 1, 0)
        } else if layer.value == nil, let type {
            problems.append(TEIProblem(.invalidLayerName(type: type, unread: 0), at: location))
            unread = (problems.count - 1, 0)
        }
    }

    mutating func startAnnotation(_ values: KnownValues, id: String?, at position: (line: Int, column: Int)) {
        if unread != nil { unread!.annotations += 1; return }
        handOff.append(layer: layer.type ?? "", id: id, line: position.line, column: position.column) { annotation, chunk in
            annotation.keepAttributes(of: values, in: &chunk)
        }
    }

    /// A `<ptr>`: a link, or the quotation's cue.
    func startPointer(_ values: KnownValues) {
        guard isReading else { return }
        handOff.updateLast { chunk in
            let target = values.store("target", in: &chunk) ?? .empty
            if values.has("type", equalTo: Self.cue) {
                chunk.addCue(target: target)
            } else {
                chunk.addLink(role: values.store("type", in: &chunk) ?? .empty, target: target)
            }
        }
    }

    mutating func startChange(_ values: KnownValues) {
        change = (values.string("when"), values.string("type"), values.string("status"), values.string("who"), values.string("n"))
    }

    /// The text of a `<change>`, `<ref>` or `<note>` of the annotation being read.
    func text(_ text: String, place: Place, type: String?, n: String?) {
        guard isReading else { return }
        switch place {
        case .annotationChange:
            if let change, let status = change.status {
                let step = PendingStep(status: status, who: change.who, when: change.when, conflict: change.n, text: text)
                handOff.updateLast { $0.addStep(step) }
            } else {
                handOff.updateLast { [change] in $0.setChange(when: change?.when, method: change?.method) }
            }
        case .ref:
            handOff.updateLast { $0.addUnknownLink(type: $0.store(type ?? "")) }
        case .note:
            handOff.updateLast { chunk in
                chunk.addNote(type: type.map { chunk.store($0) }, n: n.map { chunk.store($0) }, text: chunk.store(text))
            }
        default: break
        }
    }

    mutating func endList(problems: inout [TEIProblem]) {
        layer = (nil, nil)
        if let unread, unread.annotations > 0 {
            unreadAnnotations += unread.annotations
            switch problems[unread.problem].fact {
            case .layerWithoutType: problems[unread.problem].fact = .layerWithoutType(unread: unread.annotations)
            case .invalidLayerName(let type, _): problems[unread.problem].fact = .invalidLayerName(type: type, unread: unread.annotations)
            default: break
            }
        }
        unread = nil
    }

    /// The `@type` of a `<ptr>` that marks a quotation's cue rather than a link.
    private static let cue = Array("cue".utf8)
}
