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
public enum FoLiA {
    public static func export(_ document: Document) throws(XMLWriteError) -> (xml: [UInt8], losses: Losses) {
        var losses = Losses()
        losses.countDropped(declarationsOf: document, by: Self.self)
        let dates = ISO8601DateFormatter()
        let text = document.text
        let tokens = Tokens(text)
        let doc = document.id.rawValue
        let writer = try XMLWriter()
        writer.open("FoLiA", [("xmlns", "http://ilk.uvt.nl/folia"), ("xml:id", doc), ("version", "2.5.3"), ("generator", "standoff")])
        writer.open("metadata", [("type", "native")])
        writer.open("annotations")
        for declaration in ["text-annotation", "paragraph-annotation", "token-annotation", "description-annotation", "comment-annotation"] { writer.open(declaration); writer.close() }
        for (kind, set) in [("entity-annotation", "entity"), ("sentiment-annotation", "stance"), ("observation-annotation", "error")] {
            writer.open(kind, [("set", "https://standoff.dev/sets/\(set)")]); writer.close()
        }
        writer.close()
        writer.open("meta", [("id", "title")]); writer.text(document.title); writer.close()
        writer.close()
        writer.open("text", [("xml:id", "\(doc).text")])
        // Each annotation goes to the paragraph where it lies whole; the others are counted.
        var byParagraph: [Int: [Annotation]] = [:]
        for annotation in document.sortedAnnotations() {
            guard [.entity, .stance, .error].contains(annotation.layer) else {
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
            losses.countDropped(in: annotation, by: Self.self)
        }
        for (index, paragraph) in text.paragraphs.enumerated() where paragraph.length > 0 {
            let pid = "\(doc).p.\(index + 1)"
            writer.open("p", [("xml:id", pid)])
            writer.element("t", text: text.paragraphText(index))
            let first = tokens.firstIndex(endingAfter: paragraph.start)
            let last = tokens.firstIndex(startingAtOrAfter: paragraph.end)
            func wordID(_ token: Int) -> String { "\(pid).w.\(token - first + 1)" }
            for token in first..<last {
                let end = Int(tokens.ends[token])
                let spaced = end < paragraph.end && text.scalar(at: end).properties.isWhitespace
                writer.open("w", [("xml:id", wordID(token)), ("space", spaced || token == last - 1 ? nil : "no")])
                writer.element("t", text: text[try! TextRange(Int(tokens.starts[token]), end)])
                writer.close()
            }
            func wrefs(_ ranges: [TextRange]) {
                for range in ranges {
                    for token in tokens.firstIndex(endingAfter: range.start)..<tokens.firstIndex(startingAtOrAfter: range.end) {
                        writer.open("wref", [("id", wordID(token))]); writer.close()
                    }
                }
            }
            let annotations = byParagraph[index] ?? []
            for (layer, container, element) in [(Layer.entity, "entities", "entity"), (.stance, "sentiments", "sentiment"), (.error, "observations", "observation")] {
                let here = annotations.filter { $0.layer == layer }
                guard !here.isEmpty else { continue }
                writer.open(container)
                for annotation in here {
                    // Provenance as FoLiA's common attributes: who, how (manual or auto) and when.
                    let provenance = annotation.provenance
                    writer.open(element, [("xml:id", "\(doc).\(annotation.id)"), ("class", annotation.category?.rawValue ?? layer.name),
                                          ("annotator", provenance.annotator?.rawValue),
                                          ("annotatortype", provenance.method.map { $0 == .automatic ? "auto" : "manual" }),
                                          ("datetime", provenance.time.map { dates.string(from: $0) })])
                    wrefs(annotation.ranges)
                    var description: [String] = annotation.links.map { "\($0.role): \($0.target)" }
                    if let correction = annotation.correction { description.append("correction: \(correction)") }
                    if let severity = annotation.severity { description.append("severity: \(severity)") }
                    if !description.isEmpty { writer.element("desc", text: description.joined(separator: "; ")) }
                    // Features as FoLiA features (the key the subset, the value the class), notes as comments.
                    for (key, value) in annotation.features.sorted(by: { $0.key < $1.key }) {
                        writer.open("feat", [("subset", key), ("class", value)]); writer.close()
                    }
                    for note in annotation.notes { writer.element("comment", text: note) }
                    writer.close()
                }
                writer.close()
            }
            writer.close()
        }
        writer.close()
        writer.close()
        return (try writer.finish(), losses)
    }
}
