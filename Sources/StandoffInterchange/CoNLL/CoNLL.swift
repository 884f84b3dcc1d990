import StandoffModel

/// CoNLL-2003 style columns for named-entity taggers: `-DOCSTART-`, then one token a line
/// (`TOKEN _ _ TAG`), a blank line between paragraphs; tokens as docs/STATISTICS.md defines
/// them; tags in BIO (IOB2) or BIOES with the category as type.
///
/// Spans become chunks of whole tokens: a span that cuts a token takes all of it (counted); a
/// discontinuous span gives a chunk a range (counted); where spans overlap, the earliest
/// starting and then the longest is kept (then the one whose annotation starts first, then by
/// id) and the others are dropped (counted).
public enum CoNLL: Sendable {
    public enum Scheme: String, CaseIterable, Sendable { case bio, bioes }

    public static func export(_ document: Document, layer: Layer = .entity, scheme: Scheme = .bio) -> (text: String, losses: Losses) {
        let tagger = Tagger(declarations: document, layer: layer, scheme: scheme)
        for annotation in document.annotations { tagger.add(annotation) }
        var text: [UInt8] = []
        let losses = tagger.finish(revisions: document.revisions, preserved: document.preserved) { text += $0 }
        return (String(decoding: text, as: UTF8.self), losses)
    }

    /// The CoNLL of a document whose annotations come one at a time, in any order (as the
    /// reader streams them): it keeps the text's tokens and the chunks of the layer tagged,
    /// never the annotations, and writes the lines when the last one is in. ``export(_:layer:scheme:)``
    /// runs it over a document, so both give the same bytes.
    public final class Tagger: StreamingExport {
        private let declarations: Document
        private let layer: Layer
        private let scheme: Scheme
        private let tokens: Tokens
        private var records = StreamedRecords()
        private var losses = Losses()
        private var otherLayers = 0
        /// Each range of each annotation of the layer, as whole tokens, with what orders it.
        private var chunks: [Chunk] = []

        private struct Chunk {
            var first: Int
            var last: Int
            var type: String
            var widened: Bool
            var start: Int
            var id: String
            var range: Int
        }

        /// `declarations`: the document's text, registers and taxonomies (its annotations, if
        /// any, are not read: give them to ``add(_:)``).
        public init(declarations: Document, layer: Layer, scheme: Scheme) {
            self.declarations = declarations
            self.layer = layer
            self.scheme = scheme
            tokens = Tokens(declarations.text)
        }

        /// Any order will do: the chunks are sorted when the last is in.
        public func add(_ annotation: Annotation, write: ([UInt8]) throws -> Void) -> Bool {
            add(annotation)
            return true
        }

        public func add(_ annotation: Annotation) {
            records.noteCategories(of: annotation)
            guard annotation.layer == layer else { otherLayers += 1; return }
            if annotation.ranges.count > 1 { losses.lost(.discontinuousAsChunks) }
            losses.countDropped(in: annotation, by: CoNLL.self)
            for (index, range) in annotation.ranges.enumerated() {
                let first = tokens.firstIndex(endingAfter: range.start)
                let end = tokens.firstIndex(startingAtOrAfter: range.end)
                guard end > first else { losses.lost(.spansWithoutToken); continue }
                let widened = Int(tokens.starts[first]) != range.start || Int(tokens.ends[end - 1]) != range.end
                chunks.append(Chunk(first: first, last: end - 1, type: annotation.category?.rawValue ?? layer.name, widened: widened,
                                    start: annotation.start, id: annotation.id.rawValue, range: index))
            }
        }

        public func finish(revisions: [Revision], preserved: PreservedContent, write: ([UInt8]) throws -> Void) rethrows -> Losses {
            losses.merge(records.finish(declarations: declarations, revisions: revisions, preserved: preserved, table: CoNLL.self))
            losses.lost(.otherLayers, otherLayers)
            let tags = tagged()
            let text = declarations.text
            // The lines joined by line breaks, as they come: the first alone, each next after one.
            var output: [UInt8] = Array("-DOCSTART- -X- -X- O\n".utf8)
            var lastWasBlank = true
            var paragraph = 0
            for index in 0..<tokens.count {
                let start = Int(tokens.starts[index])
                let inParagraph = text.paragraphIndex(containing: start)
                if inParagraph != paragraph, !lastWasBlank { output.append(0x0A) }
                paragraph = inParagraph
                output.append(contentsOf: "\n\(text[try! TextRange(start, Int(tokens.ends[index]))]) _ _ \(tags[index])".utf8)
                lastWasBlank = false
                if output.count >= 1 << 16 {
                    try write(output)
                    output.removeAll(keepingCapacity: true)
                }
            }
            if !lastWasBlank { output.append(0x0A) }
            try write(output)
            return losses
        }

        /// Each token's tag: chunks earliest first, then longest; one overlapping a chunk kept is dropped.
        private func tagged() -> [String] {
            var tags = [String](repeating: "O", count: tokens.count)
            var taken = [Bool](repeating: false, count: tokens.count)
            chunks.sort { a, b in
                if a.first != b.first { return a.first < b.first }
                if a.last != b.last { return a.last > b.last }
                return (a.start, a.id, a.range) < (b.start, b.id, b.range)
            }
            for chunk in chunks {
                guard !taken[chunk.first...chunk.last].contains(true) else {
                    losses.lost(.overlappingSpans(layer))
                    continue
                }
                if chunk.widened { losses.lost(.widenedToTokens) }
                for index in chunk.first...chunk.last {
                    taken[index] = true
                    switch scheme {
                    case .bio: tags[index] = (index == chunk.first ? "B-" : "I-") + chunk.type
                    case .bioes:
                        let prefix = chunk.first == chunk.last ? "S-" : index == chunk.first ? "B-" : index == chunk.last ? "E-" : "I-"
                        tags[index] = prefix + chunk.type
                    }
                }
            }
            return tags
        }
    }
}
