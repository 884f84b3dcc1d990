import Foundation
import StandoffModel

/// Builds the gold document of a merge: the first input's text and header, the inputs'
/// declarations merged by id, each annotator declared, and the readings kept, with ids of their
/// own and their links to annotations redirected to the gold file's.
struct GoldBuilder {
    private var document: Document
    private let inputs: [MergeInput]
    private var merger = DeclarationMerger()
    /// Gold id of each reading's first source annotation, by input and id.
    private var goldIDs: [Int: [Identifier: Identifier]] = [:]
    /// Gold id by what an annotation marks, for links whose target no kept reading came from.
    private var goldByMark: [MarkKey: Identifier] = [:]
    private var assigned: [Identifier] = []
    private var next = 0
    private(set) var droppedLinks = 0
    var declarationConflicts: [DeclarationConflict] { merger.conflicts }

    init(inputs: [MergeInput], time: Date) throws(CurationProblem) {
        self.inputs = inputs
        let first = inputs[0]
        do throws(ModelError) {
            for input in inputs { try merger.add(input.document, file: input.file) }
            document = try Document(id: first.document.id, title: first.document.title, language: first.document.language, text: first.document.text,
                                    paragraphIDs: first.document.paragraphIDs, source: first.document.source, taxonomies: merger.taxonomies)
            document.publicationStatement = first.document.publicationStatement
            document.revisions = first.document.revisions
            for input in inputs { try document.declare(input.annotator) }
            for entry in merger.entries { try document.add(entry) }
        } catch {
            throw CurationProblem("the inputs' declarations cannot be merged: \(error)", hint: "an id declared as different things in two files (an entry in one, a category in the other) must be renamed in one of them", file: first.file)
        }
    }

    /// Gives each kept reading its id: its first annotator's, unless the gold file uses it
    /// already (for a declaration or an earlier reading), then the layer's prefix and a free number.
    mutating func assignIDs(_ readings: [Reading]) {
        var used = Set<Identifier>()
        for reading in readings {
            var id = reading.annotation.id
            if used.contains(id) || document.kind(of: id) != nil {
                repeat {
                    next += 1
                    id = Identifier(stringLiteral: "\(reading.key.layer.idPrefix)\(next)")
                } while used.contains(id) || document.kind(of: id) != nil || readings.contains { $0.annotation.id == id }
            }
            used.insert(id)
            assigned.append(id)
            for source in reading.sources where goldIDs[source.input]?[source.id] == nil { goldIDs[source.input, default: [:]][source.id] = id }
            let mark = MarkKey(layer: reading.key.layer, ranges: reading.key.ranges, category: reading.key.category)
            if goldByMark[mark] == nil { goldByMark[mark] = id }
        }
        assigned.reverse()
    }

    /// Adds the next reading (in the order given to ``assignIDs(_:)``), a proposal if `proposal` is given.
    mutating func add(_ reading: Reading, proposal: CurationStep?) throws(CurationProblem) {
        let id = assigned.removeLast()
        let source = reading.annotation
        let inputDocument = inputs[reading.representativeInput].document
        var links: [Link] = []
        for link in source.links {
            guard case .id(let target) = link.target, let linked = inputDocument.annotation(target) else { links.append(link); continue }
            // The annotation linked to, as the gold file has it: the reading it became, or one marking the same.
            let mark = MarkKey(layer: linked.layer, ranges: linked.ranges, category: linked.category)
            if let gold = goldIDs[reading.representativeInput]?[target] ?? goldByMark[mark] {
                links.append(Link(role: link.role, target: .id(gold)))
            } else {
                droppedLinks += 1
            }
        }
        let annotators = reading.supporters.map { inputs[$0].annotator.id }
        let annotation = Annotation(
            id: id, layer: reading.key.layer, category: reading.key.category, ranges: reading.key.ranges, links: links,
            features: source.features, notes: source.notes,
            provenance: Provenance(annotators: annotators, time: reading.times.min(), method: .merged,
                                   certainty: Merger.certainty(support: reading.supporters.count, of: inputs.count)),
            cue: source.cue, correction: source.correction, severity: source.severity, history: proposal.map { [$0] } ?? [])
        do throws(ModelError) { try document.add(annotation, checkingLinks: false) } catch {
            throw CurationProblem("annotation '\(source.id)' of \(inputs[reading.representativeInput].file) cannot go into the gold file: \(error)",
                                  hint: "`standoff validate \(inputs[reading.representativeInput].file)` explains", file: inputs[reading.representativeInput].file)
        }
    }

    func finish() throws(CurationProblem) -> Document {
        if let (annotation, link) = document.unresolvedLinks().first {
            throw CurationProblem("annotation '\(annotation)' of the gold file links (\(link.role)) to '\(link.target)', which no input declares",
                                  hint: "check the inputs with `standoff validate`")
        }
        return document
    }
}
