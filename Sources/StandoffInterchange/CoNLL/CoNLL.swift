import StandoffModel

/// CoNLL-2003 style columns for named-entity taggers: `-DOCSTART-`, then one token a line
/// (`TOKEN _ _ TAG`), a blank line between paragraphs; tokens as docs/STATISTICS.md defines
/// them; tags in BIO (IOB2) or BIOES with the category as type.
///
/// Spans become chunks of whole tokens: a span that cuts a token takes all of it (counted); a
/// discontinuous span gives a chunk a range (counted); where spans overlap, the earliest
/// starting and then the longest is kept and the others are dropped (counted).
public enum CoNLL {
    public enum Scheme: String, CaseIterable, Sendable { case bio, bioes }

    public static func export(_ document: Document, layer: Layer = .entity, scheme: Scheme = .bio) -> (text: String, losses: Losses) {
        var losses = Losses()
        losses.countDropped(declarationsOf: document, by: Self.self)
        let text = document.text
        let tokens = Tokens(text)
        var tags = [String](repeating: "O", count: tokens.count)
        var taken = [Bool](repeating: false, count: tokens.count)
        // Chunks: each range of each annotation, earliest first, then longest.
        var chunks: [(first: Int, last: Int, type: String, widened: Bool)] = []
        for annotation in document.sortedAnnotations(in: layer) {
            if annotation.ranges.count > 1 { losses.lost(.discontinuousAsChunks) }
            losses.countDropped(in: annotation, by: Self.self)
            for range in annotation.ranges {
                let first = tokens.firstIndex(endingAfter: range.start)
                let end = tokens.firstIndex(startingAtOrAfter: range.end)
                guard end > first else { losses.lost(.spansWithoutToken); continue }
                let widened = Int(tokens.starts[first]) != range.start || Int(tokens.ends[end - 1]) != range.end
                chunks.append((first, end - 1, annotation.category?.rawValue ?? layer.name, widened))
            }
        }
        chunks.sort { ($0.first, $1.last) < ($1.first, $0.last) }
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
        let other = document.annotations.filter { $0.layer != layer }.count
        losses.lost(.otherLayers, other)
        var lines = ["-DOCSTART- -X- -X- O", ""]
        var paragraph = 0
        for index in 0..<tokens.count {
            let start = Int(tokens.starts[index])
            let inParagraph = text.paragraphIndex(containing: start)
            if inParagraph != paragraph, lines.last != "" { lines.append("") }
            paragraph = inParagraph
            let token = text[try! TextRange(start, Int(tokens.ends[index]))]
            lines.append("\(token) _ _ \(tags[index])")
        }
        if lines.last != "" { lines.append("") }
        return (lines.joined(separator: "\n"), losses)
    }
}
