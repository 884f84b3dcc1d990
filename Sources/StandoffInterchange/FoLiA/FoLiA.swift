import Foundation
import StandoffModel
import StandoffXML

/// FoLiA XML (version 2.5), for the FoLiA tools and FLAT: each paragraph with its text and its
/// words (tokens as docs/STATISTICS.md defines them, `space="no"` where no space follows), and
/// the annotations as span layers over the words: entities (`entity`), stances (`sentiment`,
/// with the holder as `source` and the targets as `target`, both naming the register entry in
/// a `desc`), and errors (`observation`, the correction and severity in its `desc`). What FoLiA
/// cannot hold as a span (quotations, which are structure there; custom layers; spans across a
/// paragraph break) is counted.
public enum FoLiA: Sendable {
    /// The layers FoLiA holds as span annotations: the annotation type declared, its set, the
    /// container in a paragraph and the element of one annotation.
    static let spanLayers: [(layer: Layer, declaration: String, set: String, container: String, element: String)] = [
        (.entity, "entity-annotation", "entity", "entities", "entity"),
        (.stance, "sentiment-annotation", "stance", "sentiments", "sentiment"),
        (.error, "observation-annotation", "error", "observations", "observation"),
    ]

    /// The set of the relations that carry register entries.
    static let registerSet = "https://standoff.dev/sets/register"

    public static func export(_ document: Document) throws(XMLWriteError) -> (xml: [UInt8], losses: Losses) {
        var losses = Losses()
        losses.countDropped(declarationsOf: document, by: Self.self)
        let writer = try XMLWriter()
        let doc = document.id.rawValue
        writer.open("FoLiA", [("xmlns", "http://ilk.uvt.nl/folia"), ("xmlns:xlink", "http://www.w3.org/1999/xlink"), ("xml:id", doc),
                              ("version", "2.5.3"), ("generator", "standoff")])
        writer.open("metadata", [("type", "native")])
        writer.open("annotations")
        for declaration in ["text-annotation", "paragraph-annotation", "token-annotation", "description-annotation", "comment-annotation"] { writer.open(declaration); writer.close() }
        for layer in spanLayers { writer.open(layer.declaration, [("set", "https://standoff.dev/sets/\(layer.set)")]); writer.close() }
        writer.open("relation-annotation", [("set", registerSet)]); writer.close()
        writer.close()
        writer.open("meta", [("id", "title")]); writer.text(document.title); writer.close()
        writer.close()
        writer.open("text", [("xml:id", "\(doc).text")])
        let paragraphs = FoLiAParagraphs(document)
        let byParagraph = paragraphs.place(document.sortedAnnotations(), losses: &losses)
        // An entry goes with the annotations that link to it; one that none written links to is counted.
        let linked = Set(byParagraph.values.joined().flatMap { $0.links.compactMap { if case .id(let id) = $0.target, document.entry(id) != nil { id } else { nil } } })
        losses.lost(.unlinkedEntries, document.registers.flatMap(\.entries).filter { !linked.contains($0.id) }.count)
        for (index, paragraph) in document.text.paragraphs.enumerated() where paragraph.length > 0 {
            paragraphs.write(index, annotations: byParagraph[index] ?? [], writer)
        }
        writer.close()
        writer.close()
        return (try writer.finish(), losses)
    }
}

/// The paragraphs of a document as FoLiA writes them: text, words, and the span layers over them.
private struct FoLiAParagraphs {
    let document: Document
    let tokens: Tokens

    init(_ document: Document) {
        self.document = document
        tokens = Tokens(document.text)
    }

    /// Each annotation goes to the paragraph where it lies whole; the others are counted.
    func place(_ annotations: [Annotation], losses: inout Losses) -> [Int: [Annotation]] {
        let text = document.text
        var byParagraph: [Int: [Annotation]] = [:]
        for annotation in annotations {
            guard FoLiA.spanLayers.contains(where: { $0.layer == annotation.layer }) else {
                losses.lost(annotation.layer == .quotation ? .quotationsAsStructure : .customLayers)
                continue
            }
            let paragraphs = Set(annotation.ranges.map { text.paragraphIndex(containing: $0.start) } + annotation.ranges.map { text.paragraphIndex(containing: $0.end - 1) })
            guard paragraphs.count == 1 else { losses.lost(.acrossParagraphs); continue }
            byParagraph[paragraphs.first!, default: []].append(annotation)
            if annotation.ranges.contains(where: { range in
                let (first, end) = (tokens.firstIndex(endingAfter: range.start), tokens.firstIndex(startingAtOrAfter: range.end))
                return end <= first || Int(tokens.starts[first]) != range.start || Int(tokens.ends[end - 1]) != range.end
            }) { losses.lost(.widenedToWords) }
            losses.countDropped(in: annotation, by: FoLiA.self)
        }
        return byParagraph
    }

    /// A paragraph: its text, its words (`space="no"` where no space follows), its annotations.
    func write(_ index: Int, annotations: [Annotation], _ writer: XMLWriter) {
        let text = document.text
        let paragraph = text.paragraphs[index]
        let pid = "\(document.id).p.\(index + 1)"
        writer.open("p", [("xml:id", pid)])
        writer.element("t", text: text.paragraphText(index))
        let first = tokens.firstIndex(endingAfter: paragraph.start)
        let last = tokens.firstIndex(startingAtOrAfter: paragraph.end)
        for token in first..<last {
            let end = Int(tokens.ends[token])
            let spaced = end < paragraph.end && text.scalar(at: end).properties.isWhitespace
            writer.open("w", [("xml:id", "\(pid).w.\(token - first + 1)"), ("space", spaced || token == last - 1 ? nil : "no")])
            writer.element("t", text: text[try! TextRange(Int(tokens.starts[token]), end)])
            writer.close()
        }
        for layer in FoLiA.spanLayers {
            let here = annotations.filter { $0.layer == layer.layer }
            guard !here.isEmpty else { continue }
            writer.open(layer.container)
            for annotation in here { write(annotation, as: layer.element, wordIDs: { "\(pid).w.\($0 - first + 1)" }, writer) }
            writer.close()
        }
        writer.close()
    }

    /// One annotation: its class and provenance (FoLiA's common attributes: who, how, when), the
    /// words it covers, its links, correction and severity in `desc`, features as `feat` (the
    /// key the subset, the value the class), notes as comments.
    func write(_ annotation: Annotation, as element: String, wordIDs: (Int) -> String, _ writer: XMLWriter) {
        let provenance = annotation.provenance
        writer.open(element, [("xml:id", "\(document.id).\(annotation.id)"), ("class", annotation.category?.rawValue ?? annotation.layer.name),
                              ("annotator", provenance.annotator?.rawValue),
                              ("annotatortype", provenance.method.map { $0 == .automatic ? "auto" : "manual" }),
                              ("datetime", provenance.time.map { ISOTimestamp.string(from: $0) })])
        for range in annotation.ranges {
            for token in tokens.firstIndex(endingAfter: range.start)..<tokens.firstIndex(startingAtOrAfter: range.end) {
                writer.open("wref", [("id", wordIDs(token))]); writer.close()
            }
        }
        var description: [String] = annotation.links.map { "\($0.role): \($0.target)" }
        // Each register entry linked, as FoLiA tools link entities to a knowledge base (a
        // relation to its Wikidata IRI), with its name, kind and aliases.
        for case .id(let id) in annotation.links.map(\.target) {
            guard let entry = document.entry(id), let kind = document.registers.first(where: { $0.entries.contains { $0.id == id } })?.kind else { continue }
            writer.open("relation", [("class", id.rawValue), ("xlink:href", entry.wikidata.map { "http://www.wikidata.org/entity/\($0)" }),
                                     ("xlink:type", entry.wikidata == nil ? nil : "simple")])
            writer.open("feat", [("subset", "name"), ("class", entry.name)]); writer.close()
            writer.open("feat", [("subset", "kind"), ("class", kind.rawValue)]); writer.close()
            for alias in entry.aliases { writer.open("feat", [("subset", "alias"), ("class", alias)]); writer.close() }
            writer.close()
        }
        if let correction = annotation.correction { description.append("correction: \(correction)") }
        if let severity = annotation.severity { description.append("severity: \(severity)") }
        if !description.isEmpty { writer.element("desc", text: description.joined(separator: "; ")) }
        for (key, value) in annotation.features.sorted(by: { $0.key < $1.key }) {
            writer.open("feat", [("subset", key), ("class", value)]); writer.close()
        }
        for note in annotation.notes { writer.element("comment", text: note) }
        writer.close()
    }
}
