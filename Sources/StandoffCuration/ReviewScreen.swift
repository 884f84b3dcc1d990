import Foundation
import StandoffModel

/// One decision typed at `standoff review`'s prompt (a terminal, or a line of piped input).
public enum ReviewKey: Equatable, Sendable {
    /// Accept reading N (1-based); the others are rejected.
    case accept(Int)
    /// Accept reading N with another category.
    case acceptWithCategory(Int, Identifier)
    /// Accept reading N with another range (start and end, code points from the text's start).
    case acceptWithRange(Int, start: Int, end: Int)
    /// Reject every reading: nothing is annotated there.
    case rejectAll
    case skip, back, quit, help

    /// The keys, as the prompt and `--help` list them.
    public static let summary = "N accept reading N · c N CAT accept N as category CAT · e N START END accept N with range START-END · r reject all · s skip · b back · q quit · ? help"

    /// Reads one line: `1`, `c 2 ORG`, `e 1 120 135`, `r`, `s`, `b`, `q`, `?`.
    public init(parsing line: String, readings: Int) throws(CurationProblem) {
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        func reading(_ word: String) throws(CurationProblem) -> Int {
            guard let number = Int(word), (1...readings).contains(number) else {
                throw CurationProblem("'\(word)' is not a reading: give a number from 1 to \(readings)", hint: Self.summary, isUsage: true)
            }
            return number
        }
        switch words.first?.lowercased() {
        case nil: throw CurationProblem("nothing typed", hint: Self.summary, isUsage: true)
        case "r" where words.count == 1: self = .rejectAll
        case "s" where words.count == 1: self = .skip
        case "b" where words.count == 1: self = .back
        case "q" where words.count == 1: self = .quit
        case "?", "h", "help": self = .help
        case "c" where words.count == 3:
            let number = try reading(words[1])
            guard let category = try? Identifier(words[2]) else {
                throw CurationProblem("'\(words[2])' is not a category id", hint: "c N CATEGORY, e.g. c 1 ORG", isUsage: true)
            }
            self = .acceptWithCategory(number, category)
        case "e" where words.count == 4:
            let number = try reading(words[1])
            guard let start = Int(words[2]), let end = Int(words[3]), start >= 0, end > start else {
                throw CurationProblem("'\(words[2]) \(words[3])' is not a range: give START END, code points, END after START", hint: "e N START END, e.g. e 1 120 135", isUsage: true)
            }
            self = .acceptWithRange(number, start: start, end: end)
        default:
            if words.count == 1, Int(words[0]) != nil { self = .accept(try reading(words[0])); return }
            throw CurationProblem("'\(line.trimmingCharacters(in: .whitespaces))' is not a key", hint: Self.summary, isUsage: true)
        }
    }
}

/// How a proposal is shown: the paragraph around its readings with their extent marked, then
/// each reading on a line of its own (number, id, category, text, links, who made it).
public enum ReviewScreen {
    /// Characters of context kept on each side of the readings in a long paragraph.
    static let context = 160

    public static func render(_ proposal: Proposal, number: Int, of total: Int, in document: Document, annotators: Int, colour: Bool) -> String {
        let text = document.text
        let start = proposal.readings.map(\.start).min() ?? 0
        let end = proposal.readings.compactMap { $0.ranges.last?.end }.max() ?? start
        let paragraph = text.paragraphIndex(containing: start)
        let bounds = text.paragraphs[paragraph]
        let from = max(bounds.start, start - context), to = min(bounds.end, end + context)
        let markedEnd = min(end, to)
        let (open, close) = colour ? ("\u{1B}[7m", "\u{1B}[0m") : ("⟦", "⟧")
        var lines: [String] = []
        lines.append("proposal \(number) of \(total) · conflict \(proposal.conflict) · \(proposal.layer) · \(proposal.kinds)")
        func piece(_ a: Int, _ b: Int) -> String { a < b ? String(text.unicodeScalars(from: a, to: b)) : "" }
        var (before, marked, after) = (piece(from, start), piece(start, markedEnd), piece(markedEnd, to))
        // A cut context starts and ends at a word's edge.
        if from > bounds.start, let space = before.firstIndex(of: " ") { before = String(before[before.index(after: space)...]) }
        if to < bounds.end, let space = after.lastIndex(of: " ") { after = String(after[..<space]) }
        lines.append("\(document.paragraphIDs[paragraph]): \(from > bounds.start ? "…" : "")\(before)\(open)\(marked)\(close)\(after)\(to < bounds.end ? "…" : "")")
        for (index, reading) in proposal.readings.enumerated() {
            var parts = ["  \(index + 1)", reading.id.rawValue, reading.category?.rawValue ?? "(no category)",
                         "\"\(shortened(reading.coveredText))\"", reading.ranges.map(\.description).joined(separator: ",")]
            parts += reading.links.map { "\($0.role) \($0.target)" }
            if let correction = reading.correction { parts.append("→ \"\(correction)\"") }
            let who = Proposal.proposers(of: reading)
            parts.append("· \(who.map(\.rawValue).joined(separator: ", ")) (\(who.count) of \(annotators))")
            lines.append(parts.joined(separator: "  "))
        }
        return lines.joined(separator: "\n")
    }

    /// A reading's text on its line: whole up to 60 characters, else its start and end.
    static func shortened(_ text: String) -> String {
        guard text.count > 60 else { return text }
        return "\(text.prefix(28))…\(text.suffix(28))"
    }
}
