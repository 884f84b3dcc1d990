import Foundation
import StandoffModel

/// "annotation 'ID'" in messages, spelled out only when a message is written.
struct AnnotationLabel: CustomStringConvertible {
    var id: Identifier
    var description: String { "annotation '\(id)'" }
}

/// Turns pending annotations into ``Annotation`` values against a document that already holds
/// the text, taxonomies, annotators and registers, reporting what is wrong with each.
///
/// Preparing reads the document and changes nothing, so the chunks of a large file are prepared
/// on helper threads (``PreparationPipeline``) while an ``AnnotationAdder`` adds the earlier
/// ones, in file order.
struct AnnotationPreparer {
    /// One annotation prepared: the value, if it could be made, and the problems found.
    struct Prepared: Sendable {
        var annotation: Annotation?
        var problems: [TEIProblem]
        var location: SourceLocation
        /// Whether a link points at an id the document did not declare when this was prepared
        /// (an annotation further on, or nothing): to be checked once all are added.
        var linksAhead: Bool
    }

    let document: Document
    let file: String
    private var problems: [TEIProblem] = []
    // Files repeat the same few layers, categories, annotators and roles: resolve each once.
    private var layer: (name: String, value: Layer?)?
    private var anaTokens: [Substring: AnaToken] = [:]
    private var resps = Remembered<[Identifier]?>()
    private var roles = Remembered<LinkRole?>()
    /// Link targets, and whether the document declared them when this preparer began.
    private var linkTargets = Remembered<(id: Identifier, isDeclared: Bool)?>()
    /// Whether the annotation made last links to an id not declared (yet).
    private var linksAhead = false
    private var methods = Remembered<AnnotationMethod?>()
    private var times = Remembered<Date?>()
    /// The paragraph the previous pointer named: neighbouring annotations share one.
    private var lastParagraph: (name: String, index: Int)?
    /// Its name as bytes, for the fast path of ``ranges(of:in:annotation:at:)``.
    private var lastParagraphBytes: [UInt8] = []
    /// `@ana` values that resolved cleanly, and what to: a file uses a few dozen.
    private var resolvedAna = Remembered<(category: Identifier?, severity: ErrorSeverity?)>()
    /// Paragraph ids already looked up, with their positions.
    private var paragraphPositions: [String: Int] = [:]
    private var dates = TEIDate.Parser()

    /// What one token of `@ana` stands for.
    private enum AnaToken {
        case category(Identifier, taxonomy: Identifier)
        case dangling
        case undeclared
    }

    init(document: Document, file: String) {
        self.document = document
        self.file = file
    }

    /// One annotation of `chunk`, with the problems that kept it out (if it is `nil`) or came
    /// with it.
    mutating func prepare(_ pending: borrowing PendingAnnotation, in chunk: borrowing PendingChunk) -> Prepared {
        problems.removeAll(keepingCapacity: true)
        let location = SourceLocation(file: file, line: pending.line, column: pending.column)
        linksAhead = false
        let annotation = make(pending, in: chunk, at: location)
        // Almost always empty: hand over no storage then, so that the next annotation does not
        // have to copy it before writing.
        return Prepared(annotation: annotation, problems: problems.isEmpty ? [] : problems, location: location, linksAhead: annotation != nil && linksAhead)
    }

    private mutating func make(_ pending: borrowing PendingAnnotation, in chunk: borrowing PendingChunk, at location: SourceLocation) -> Annotation? {
        guard let id = Self.identifier(pending.id, element: .annotation, at: location, problems: &problems) else { return nil }
        if layer?.name != pending.layer { layer = (pending.layer, try? Layer(pending.layer)) }
        guard let layer = layer?.value else {
            // The reader reports a list without a valid layer once and sends none of its
            // annotations; this guards pending annotations made any other way.
            problem(.annotationWithoutLayer(annotation: id), at: location)
            return nil
        }
        guard let target = pending.target, target.count > 0 else {
            problem(.annotationWithoutTarget(annotation: id), at: location)
            return nil
        }
        guard let textRanges = ranges(of: target, in: chunk, annotation: id, at: location) else { return nil }
        var cue: [TextRange] = []
        if !pending.cues.isEmpty {
            let tokens = chunk.cues[pending.cues].flatMap { chunk.string($0).split(separator: " ") }
            guard let parsed = ranges(tokens, annotation: id, inCue: true, at: location) else { return nil }
            cue = parsed
        }
        var category: Identifier?
        var severity: ErrorSeverity?
        var failed = false
        chunk.withBytes(pending.ana ?? .empty) { ana in
            if let known = resolvedAna.lookUp(ana) {
                (category, severity) = known
            } else {
                resolveAna(String(decoding: ana, as: UTF8.self), layer: layer, annotation: id, at: location, category: &category, severity: &severity, failed: &failed)
                if !failed { resolvedAna.remember((category, severity), for: ana) }
            }
        }
        var certainty: Certainty?
        if let cert = pending.cert.map({ chunk.string($0) }) {
            certainty = Certainty(rawValue: cert)
            if certainty == nil {
                problem(.invalidCertainty(annotation: id, value: cert), at: location)
                failed = true
            }
        }
        var links: [Link] = []
        if !pending.links.isEmpty { links.reserveCapacity(pending.links.count) }
        for link in chunk.links[pending.links] {
            let role = chunk.withBytes(link.role) { roles.value(for: $0) { try? LinkRole($0) } }
            let target = chunk.withBytes(link.target) { linkTarget($0) }
            guard let role, let target else {
                let (roleName, targetName) = (chunk.string(link.role), chunk.string(link.target))
                problem(.linkNotPointer(annotation: id, role: roleName, target: targetName), at: location)
                failed = true
                continue
            }
            if !target.isDeclared { linksAhead = true }
            links.append(Link(role: role, target: .id(target.id)))
        }
        for type in chunk.unknownLinks[pending.unknownLinks] {
            if let role = try? LinkRole(chunk.string(type)) { links.append(Link(role: role, target: .unknown)) }
        }
        var annotators: [Identifier] = []
        if let respValue = pending.resp {
            let pointed = chunk.withBytes(respValue) { resps.value(for: $0, Self.pointerIDs) }
            annotators = pointed ?? []
            if pointed == nil {
                let resp = chunk.string(respValue)
                problem(.respNotPointer(annotation: id, value: resp), at: location)
                failed = true
            }
        }
        let history = pending.steps.isEmpty ? [] : curationSteps(chunk.steps[pending.steps], annotation: id, at: location, failed: &failed)
        if failed { return nil }
        let notes = pending.notes.isEmpty ? [] : chunk.notes[pending.notes].map { note in
            (type: note.type.map { chunk.string($0) }, n: note.n.map { chunk.string($0) }, text: chunk.string(note.text))
        }
        let recorded = notes.isEmpty ? [] : notes.filter { $0.type == "quote" }.map(\.text)
        return Annotation(
            id: id, layer: layer, category: category, ranges: textRanges,
            // Without a recorded quote, the text now at the ranges (taken here, in parallel).
            snapshot: recorded.isEmpty ? textRanges.map { document.text[$0] } : recorded,
            links: links,
            features: notes.isEmpty ? [:] : Dictionary(notes.filter { $0.type == "feature" }.map { ($0.n ?? "", $0.text) }, uniquingKeysWith: { a, _ in a }),
            notes: notes.isEmpty ? [] : notes.filter { $0.type == "comment" }.map(\.text),
            provenance: Provenance(
                annotators: annotators,
                time: pending.when.flatMap { when in chunk.withBytes(when) { times.value(for: $0) { dates.parse($0) } } },
                method: pending.method.flatMap { method in chunk.withBytes(method) { methods.value(for: $0) { AnnotationMethod(rawValue: $0) } } },
                certainty: certainty),
            cue: cue, correction: notes.first { $0.type == "correction" }?.text, severity: severity, history: history)
    }

    /// The `<change status>` children of an annotation as curation steps.
    private mutating func curationSteps(_ steps: ArraySlice<PendingStep>, annotation id: Identifier, at location: SourceLocation,
                                        failed: inout Bool) -> [CurationStep] {
        steps.compactMap { step in
            guard let status = CurationStatus(rawValue: step.status) else {
                problem(.invalidCurationStatus(annotation: id, value: step.status), at: location)
                failed = true
                return nil
            }
            guard let who = step.who.map(Self.pointerIDs) ?? [] else {
                problem(.respNotPointer(annotation: id, value: step.who ?? ""), at: location)
                failed = true
                return nil
            }
            return CurationStep(status: status, who: who, time: step.when.flatMap { dates.parse($0) }, conflict: step.conflict,
                                description: step.text)
        }
    }

    /// The id a `<ptr>` target points at, and whether the document declares it.
    private mutating func linkTarget(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Identifier, isDeclared: Bool)? {
        if let known = linkTargets.lookUp(bytes) { return known }
        let target = Self.pointerID(String(decoding: bytes, as: UTF8.self)).map { ($0, document.kind(of: $0) != nil) }
        linkTargets.remember(target, for: bytes)
        return target
    }

    /// Resolves the tokens of `@ana` to the layer's category and an error's severity.
    private mutating func resolveAna(_ ana: String, layer: Layer, annotation: Identifier, at location: SourceLocation,
                                     category: inout Identifier?, severity: inout ErrorSeverity?, failed: inout Bool) {
        for token in Self.tokens(ana) {
            let categoryID: Identifier
            let taxonomy: Identifier
            switch resolve(token) {
            case .dangling:
                problem(.categoryPointsAtNothing(annotation: annotation, token: String(token)), at: location)
                failed = true
                continue
            case .undeclared:
                problem(.undeclaredCategory(annotation: annotation, token: String(token), layer: layer), at: location)
                failed = true
                continue
            case .category(let id, let declaring):
                categoryID = id
                taxonomy = declaring
            }
            if taxonomy == Taxonomy.severityID {
                severity = ErrorSeverity(categoryID)
            } else if category == nil {
                category = categoryID
            } else {
                problem(.twoCategories(annotation: annotation, first: category!.rawValue, second: categoryID.rawValue), at: location)
                failed = true
            }
        }
    }

    private mutating func resolve(_ token: Substring) -> AnaToken {
        if let known = anaTokens[token] { return known }
        let made: AnaToken
        if let id = Self.pointerID(String(token)), document.kind(of: id) == nil {
            made = .dangling
        } else if let categoryID = Self.pointerID(String(token)), let taxonomy = document.taxonomy(declaring: categoryID) {
            made = .category(categoryID, taxonomy: taxonomy)
        } else {
            made = .undeclared
        }
        anaTokens[token] = made
        return made
    }

    /// The ranges of a `@target` value. The value Standoff writes, one compact pointer into a
    /// known paragraph, is read from its bytes; anything else goes the long way, which also
    /// explains what is wrong.
    private mutating func ranges(of value: PendingValue, in chunk: borrowing PendingChunk, annotation: Identifier, at location: SourceLocation) -> [TextRange]? {
        if let range = chunk.withBytes(value, { compactRange($0) }) { return [range] }
        return ranges(Self.tokens(chunk.string(value)), annotation: annotation, at: location)
    }

    /// `#string-range(ID,OFFSET,LENGTH)` with no spaces, a known paragraph and a non-empty range
    /// inside it; `nil` for anything else.
    private mutating func compactRange(_ bytes: UnsafeBufferPointer<UInt8>) -> TextRange? {
        guard let (name, offset, length) = StringRangePointer.compact(bytes) else { return nil }
        let paragraphIndex: Int
        if let last = lastParagraph, lastParagraphBytes.elementsEqual(name) {
            paragraphIndex = last.index
        } else if let position = Self.numberedPosition(name), position < document.paragraphIDs.count,
                  document.paragraphIDs[position].rawValue.utf8.elementsEqual(name) {
            // Paragraphs are mostly p1, p2, …: the id pN is first looked for at position N-1.
            paragraphIndex = position
            lastParagraph = (String(decoding: name, as: UTF8.self), position)
            lastParagraphBytes = Array(name)
        } else {
            let text = String(decoding: name, as: UTF8.self)
            let found: Int
            if let known = paragraphPositions[text] {
                found = known
            } else {
                guard let id = try? Identifier(text), let position = document.paragraphIndex(of: id) else { return nil }
                found = position
                if paragraphPositions.count < 1 << 20 { paragraphPositions[text] = found }
            }
            lastParagraph = (text, found)
            lastParagraphBytes = Array(name)
            paragraphIndex = found
        }
        let paragraph = document.text.paragraphs[paragraphIndex]
        guard length > 0, length <= paragraph.length, offset <= paragraph.length - length else { return nil }
        return try? TextRange(paragraph.start + offset, paragraph.start + offset + length)
    }

    /// N-1 for a name `pN` (N from 1, without leading zeros); `nil` for any other name.
    private static func numberedPosition(_ name: UnsafeBufferPointer<UInt8>) -> Int? {
        guard name.count >= 2, name.count <= 10, name[0] == UInt8(ascii: "p"), name[1] != UInt8(ascii: "0") else { return nil }
        var number = 0
        for byte in name.dropFirst() {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            number = number * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return number - 1
    }

    /// Resolves `#string-range()` pointers to document ranges, joining pieces split at paragraph breaks.
    private mutating func ranges(_ targets: [Substring], annotation: Identifier, inCue: Bool = false, at location: SourceLocation) -> [TextRange]? {
        var result: [TextRange] = []
        for token in targets {
            func named(_ token: Substring) -> TEIProblem.Pointer { .init(annotation: annotation, token: String(token), inCue: inCue) }
            guard let pointer = StringRangePointer.parse(token) else {
                if StringRangePointer.hasOversizedNumber(token) {
                    problem(.numberTooLarge(named(token)), at: location)
                    return nil
                }
                problem(.notStringRange(named(token)), at: location)
                return nil
            }
            let index: Int
            if let last = lastParagraph, last.name == pointer.paragraph {
                index = last.index
            } else if let paragraphID = try? Identifier(pointer.paragraph), let found = document.paragraphIndex(of: paragraphID) {
                index = found
                lastParagraph = (pointer.paragraph, found)
                lastParagraphBytes = Array(pointer.paragraph.utf8)
            } else {
                problem(.missingParagraph(named(token), paragraph: String(pointer.paragraph), paragraphCount: document.paragraphIDs.count), at: location)
                return nil
            }
            let paragraph = document.text.paragraphs[index]
            guard pointer.length > 0 else {
                problem(.emptyRange(named(token), length: pointer.length), at: location)
                return nil
            }
            guard pointer.offset >= 0 else {
                problem(.negativeOffset(named(token)), at: location)
                return nil
            }
            // Compared by subtraction: offset + length can overflow for numbers read from a file.
            guard pointer.length <= paragraph.length, pointer.offset <= paragraph.length - pointer.length else {
                problem(.pastParagraphEnd(named(token), paragraph: String(pointer.paragraph), length: paragraph.length), at: location)
                return nil
            }
            result.append(try! TextRange(paragraph.start + pointer.offset, paragraph.start + pointer.offset + pointer.length))
        }
        return result.count == 1 ? result : document.text.joiningPieces(result.sorted())
    }

    private mutating func problem(_ fact: TEIProblem.Fact, at location: SourceLocation) {
        problems.append(TEIProblem(fact, at: location))
    }

    // MARK: Shared with the rest of the reader

    /// The `xml:id` of an `element` read as an ``Identifier``, or a problem saying why it is missing or invalid.
    static func identifier(_ raw: String?, element: TEIProblem.IdentifiedElement, at location: SourceLocation, problems: inout [TEIProblem]) -> Identifier? {
        guard let raw else {
            problems.append(TEIProblem(.elementWithoutID(element), at: location))
            return nil
        }
        guard let id = try? Identifier(raw) else {
            problems.append(TEIProblem(.invalidElementID(element, raw: raw), at: location))
            return nil
        }
        return id
    }

    /// The id in a `#ID` pointer.
    static func pointerID(_ raw: String) -> Identifier? {
        guard raw.utf8.first == UInt8(ascii: "#") else { return nil }
        return try? Identifier(String(decoding: raw.utf8.dropFirst(), as: UTF8.self))
    }

    /// The ids of a space-separated list of pointers (`#a #b`), or nil if a token is not one.
    static func pointerIDs(_ raw: String) -> [Identifier]? {
        var ids: [Identifier] = []
        for token in tokens(raw) {
            guard let id = pointerID(String(token)) else { return nil }
            ids.append(id)
        }
        return ids.isEmpty ? nil : ids
    }

    /// The space-separated tokens of an attribute value (most values hold one).
    static func tokens(_ value: String) -> [Substring] {
        if !value.utf8.contains(UInt8(ascii: " ")) { return value.isEmpty ? [] : [Substring(value)] }
        return value.split(separator: " ")
    }
}
