import Foundation
import StandoffModel
import StandoffXML

/// The outcome of a read, once the parse is over: the declarations made into a skeleton, the
/// annotations handed to the consumer (begun early, for a large file), and the document if the
/// consumer built one.
extension TEIDocumentBuilder {
    // MARK: Building the document

    func finish(parseFailed: Bool) -> TEIReadResult {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if parseFailed || !sawRoot || !problems.filter({ $0.code == .notTEI }).isEmpty {
            handOff.abandon()
            return TEIReadResult(document: nil, problems: problems, locations: locations, hasForeignMarkup: foreign.hasMarkup)
        }
        guard sawText, !declarations.skeleton.paragraphs.isEmpty else {
            handOff.abandon()
            problem(.missingText, at: start)
            return TEIReadResult(document: nil, problems: problems, locations: locations, hasForeignMarkup: foreign.hasMarkup)
        }
        let preparing: [TEIProblem]
        let skeleton: DocumentSkeleton
        switch handOff.finish(with: declarations.skeleton) {
        case .handedOver(let found, let made):
            (preparing, skeleton) = (found, made)
        case .readAgain:
            mustReadAgain = true
            return TEIReadResult(document: nil, problems: problems, locations: locations, hasForeignMarkup: foreign.hasMarkup)
        case .noDocument(let made):
            problems += made.problems
            return TEIReadResult(document: nil, problems: problems, locations: locations, hasForeignMarkup: foreign.hasMarkup)
        }
        problems += skeleton.problems
        // Room first: a large file declares tens of thousands of paragraphs, and growing the
        // table step by step rehashed it each time.
        locations.reserveCapacity(locations.count + skeleton.locations.count)
        locations.merge(skeleton.locations) { _, made in made }
        let collector = consumer as? DocumentCollector
        // Preparing and adding each found problems in file order: one list, in file order.
        problems += Self.merged(preparing, collector?.problems ?? [])
        guard let collector, var document = collector.document else {
            var streamed = TEIReadResult(document: nil, problems: problems, locations: locations, sourceHashLocation: declarations.sourceHashLocation,
                                         hasForeignMarkup: foreign.hasMarkup, unreadAnnotations: unreadInUnknownElements + lists.unreadAnnotations,
                                         unreadStandOff: unreadStandOffFound)
            if collector == nil {
                streamed.revisions = declarations.revisionList()
                streamed.preserved = foreign.finished()
            }
            return streamed
        }
        annotationLocations = collector.locations
        problems += reusedIDs(annotations: document.annotations.map(\.id), at: annotationLocations)
        declarations.addRevisions(to: &document)
        document.preserved = foreign.finished()
        return TEIReadResult(document: document, problems: problems, locations: locations, annotationLocations: annotationLocations,
                             sourceHashLocation: declarations.sourceHashLocation, hasForeignMarkup: foreign.hasMarkup,
                             unreadAnnotations: unreadInUnknownElements + lists.unreadAnnotations,
                                 unreadStandOff: unreadStandOffFound)
    }

    /// Counts a stand-off form inside the element of `<standOff>` being kept.
    func countStandOff(_ tag: StartTag) {
        if tag.isNamed("annotation") { unreadStandOff!.annotations += 1 }
        if tag.isNamed("span") { unreadStandOff!.spans += 1 }
        if tag.isNamed("link") { unreadStandOff!.links += 1 }
    }

    /// The xml:ids of elements kept without reading that another element already has: one of the
    /// model's (a declaration at `locations`, an annotation) or another kept element.
    func reusedIDs(annotations: [Identifier], at annotationLocations: [SourceLocation]) -> [TEIProblem] {
        guard !foreign.ids.isEmpty else { return [] }
        var annotationAt: [String: SourceLocation] = [:]
        for (id, location) in zip(annotations, annotationLocations) { annotationAt[id.rawValue] = location }
        var seen: [String: (element: String, location: SourceLocation)] = [:]
        var found: [TEIProblem] = []
        for kept in foreign.ids {
            let earlier: (String, SourceLocation)?
            if let declared = (try? Identifier(kept.id)).flatMap({ locations[$0] }) {
                earlier = ("another element", declared)
            } else if let annotation = annotationAt[kept.id] {
                earlier = ("annotation '\(kept.id)'", annotation)
            } else if let other = seen[kept.id] {
                earlier = ("<\(other.element)>", other.location)
            } else {
                earlier = nil
            }
            if let (what, location) = earlier {
                // Reported at the later of the two.
                let keptElement = "<\(kept.element)>"
                let (at, here, before, line) = location.line <= kept.location.line
                    ? (kept.location, keptElement, what, location.line) : (location, what, keptElement, kept.location.line)
                found.append(TEIProblem(.idUsedTwice(id: kept.id, here: here, earlier: before, earlierLine: line), at: at))
            }
            if seen[kept.id] == nil { seen[kept.id] = (kept.element, kept.location) }
        }
        return found
    }

    /// Two lists of problems, each in file order, as one in file order.
    static func merged(_ a: [TEIProblem], _ b: [TEIProblem]) -> [TEIProblem] {
        guard !a.isEmpty, !b.isEmpty else { return a + b }
        var result: [TEIProblem] = []
        result.reserveCapacity(a.count + b.count)
        var (i, j) = (0, 0)
        while i < a.count, j < b.count {
            let (x, y) = (a[i].location, b[j].location)
            if (y.line, y.column) < (x.line, x.column) { result.append(b[j]); j += 1 } else { result.append(a[i]); i += 1 }
        }
        return result + a[i...] + b[j...]
    }

}
