import Foundation
import StandoffModel

/// One annotator's work on a text, as `merge` takes it.
public struct MergeInput: Sendable {
    /// Who made these annotations, as the gold file will name them.
    public var annotator: Annotator
    /// Where they come from, for messages and the gold file's history.
    public var file: String
    public var document: Document
    /// The annotations of ``annotator`` (all of the document's, or those whose `resp` names them).
    public var annotations: [Annotation]

    public init(annotator: Annotator, file: String, document: Document, annotations: [Annotation]? = nil) {
        self.annotator = annotator
        self.file = file
        self.document = document
        self.annotations = annotations ?? document.annotations
    }
}

/// What an annotation says, without who said it: two annotators made the same reading when
/// their annotations have the same key. Links to annotations are compared by what the linked
/// annotation marks (layer, ranges, category), since each file numbers its annotations itself.
struct ReadingKey: Hashable {
    var layer: Layer
    var ranges: [TextRange]
    var category: Identifier?
    var correction: String?
    var links: [LinkKey]

    /// The key without its ranges: what relaxed matching compares.
    var sansRanges: ReadingKey { ReadingKey(layer: layer, ranges: [], category: category, correction: correction, links: links) }
}

/// What an annotation marks, as a link to it is compared.
struct MarkKey: Hashable {
    var layer: Layer
    var ranges: [TextRange]
    var category: Identifier?
}

/// A link as readings compare it.
struct LinkKey: Hashable, Comparable {
    enum Target: Hashable {
        case declared(Identifier)
        case annotation(MarkKey)
        case unknown
    }

    var role: String
    var target: Target

    /// For sorting a reading's links into one order: role, then a spelling of the target.
    var sortText: String {
        switch target {
        case .declared(let id): "\(role) #\(id)"
        case .annotation(let mark): "\(role) @\(mark.layer) \(mark.ranges.map { "\($0.start)-\($0.end)" }.joined(separator: ",")) \(mark.category?.rawValue ?? "")"
        case .unknown: "\(role) unknown"
        }
    }

    static func < (lhs: LinkKey, rhs: LinkKey) -> Bool { lhs.sortText < rhs.sortText }
}

/// One reading of the text: the annotation as its first annotator made it, and every annotator
/// (by their input's position) who made the same.
struct Reading {
    var key: ReadingKey
    /// The annotation of the first annotator who made it: the fields that are not compared
    /// (features, notes, severity, cue, provenance) come from it.
    var annotation: Annotation
    /// The input ``annotation`` comes from (its links point into that input's annotations).
    var representativeInput: Int
    var supporters: [Int]
    /// Each supporter's own annotation id, to redirect links between annotations.
    var sources: [(input: Int, id: Identifier)]
    /// The ranges each supporter gave (relaxed matching takes the most given).
    var givenRanges: [[TextRange]]
    /// When each supporter made it, where known.
    var times: [Date]

    /// Where its first range starts and its last ends (ranges are sorted and apart).
    var extent: (start: Int, end: Int) { (key.ranges.first?.start ?? 0, key.ranges.last?.end ?? 0) }
}

enum ReadingCollector {
    /// The readings of every input, in the order of first appearance (input by input, each in
    /// document order); an annotator who made one reading twice counts once.
    static func readings(of inputs: [MergeInput], match: MatchMode) -> [Reading] {
        var readings: [Reading] = []
        var positions: [ReadingKey: Int] = [:]
        for (inputIndex, input) in inputs.enumerated() {
            var marks: [Identifier: MarkKey] = [:]
            for annotation in input.document.annotations {
                marks[annotation.id] = MarkKey(layer: annotation.layer, ranges: annotation.ranges, category: annotation.category)
            }
            for annotation in input.annotations {
                let key = ReadingKey(
                    layer: annotation.layer, ranges: annotation.ranges, category: annotation.category, correction: annotation.correction,
                    links: annotation.links.map { link in
                        switch link.target {
                        case .unknown: LinkKey(role: link.role.name, target: .unknown)
                        case .id(let id): LinkKey(role: link.role.name, target: marks[id].map { .annotation($0) } ?? .declared(id))
                        }
                    }.sorted())
                if let position = positions[key] {
                    if readings[position].supporters.last != inputIndex {
                        readings[position].supporters.append(inputIndex)
                        readings[position].givenRanges.append(annotation.ranges)
                        if let time = annotation.provenance.time { readings[position].times.append(time) }
                    }
                    readings[position].sources.append((inputIndex, annotation.id))
                } else {
                    positions[key] = readings.count
                    readings.append(Reading(key: key, annotation: annotation, representativeInput: inputIndex, supporters: [inputIndex], sources: [(inputIndex, annotation.id)],
                                            givenRanges: [annotation.ranges], times: annotation.provenance.time.map { [$0] } ?? []))
                }
            }
        }
        return match == .relaxed ? joinedOverlapping(readings) : readings
    }

    /// Relaxed matching: readings alike but for their ranges, whose ranges overlap, become one
    /// (transitively), with the ranges most of its annotators gave (the first given on a tie).
    static func joinedOverlapping(_ readings: [Reading]) -> [Reading] {
        var groups: [ReadingKey: [Int]] = [:]
        var order: [ReadingKey] = []
        for (position, reading) in readings.enumerated() {
            let key = reading.key.sansRanges
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(position)
        }
        var joined: [(first: Int, reading: Reading)] = []
        for key in order {
            let members = groups[key]!.sorted { readings[$0].extent < readings[$1].extent }
            var current: [Int] = []
            var currentEnd = Int.min
            func flush() {
                guard !current.isEmpty else { return }
                joined.append((current.min()!, join(current.sorted().map { readings[$0] })))
                current = []
            }
            for member in members {
                let extent = readings[member].extent
                if extent.start >= currentEnd { flush(); currentEnd = extent.end } else { currentEnd = max(currentEnd, extent.end) }
                current.append(member)
            }
            flush()
        }
        return joined.sorted { $0.first < $1.first }.map(\.reading)
    }

    private static func join(_ parts: [Reading]) -> Reading {
        guard parts.count > 1 else { return parts[0] }
        var joined = parts[0]
        var supporters: [Int] = []
        var given: [[TextRange]] = []
        for part in parts {
            for (supporter, ranges) in zip(part.supporters, part.givenRanges) where !supporters.contains(supporter) {
                supporters.append(supporter)
                given.append(ranges)
            }
        }
        let bySupporter = zip(supporters, given).sorted { $0.0 < $1.0 }
        supporters = bySupporter.map(\.0)
        given = bySupporter.map(\.1)
        var counts: [[TextRange]: Int] = [:]
        for ranges in given { counts[ranges, default: 0] += 1 }
        let best = given.max { counts[$0]! < counts[$1]! || (counts[$0]! == counts[$1]! && given.firstIndex(of: $0)! > given.firstIndex(of: $1)!) }!
        let from = parts.first { $0.key.ranges == best } ?? parts[0]
        joined.annotation = from.annotation
        joined.representativeInput = from.representativeInput
        joined.key.ranges = best
        joined.supporters = supporters
        joined.givenRanges = given
        joined.sources = parts.flatMap(\.sources)
        joined.times = parts.flatMap(\.times)
        return joined
    }
}
