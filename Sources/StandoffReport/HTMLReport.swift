import Foundation
import StandoffAgreement
import StandoffFormats
import StandoffModel
import StandoffStatistics

/// `standoff report`: self-contained HTML pages (CSS and script inline, no network access, read
/// from disk) that show a document's annotations, a comparison of annotators, or a corpus. Every
/// text and attribute value from a file is HTML-escaped by the templates; the script only
/// toggles layers and selects, so the page reads the same with scripts off.
public enum HTMLReport {
    /// The page of one document; `summary` is its `standoff stats` summary. `back` links to a
    /// corpus index.
    public static func document(_ document: Document, summary: CorpusSummary, back: String? = nil) throws(ReportError) -> String {
        try DocumentPage(document: document, summary: summary, back: back).render()
    }

    /// Several annotators' documents over one text, one lane per annotator, with the
    /// agreement report `standoff agree` prints for them.
    public static func comparison(_ documents: [(annotator: String, document: Document)], agreement: AgreementReport) throws(ReportError) -> String {
        try ComparePage(documents: documents, agreement: agreement).render()
    }

    /// A document of a corpus index.
    public struct IndexRow: Sendable {
        public var title: String
        public var file: String
        /// The document's page, relative to the index.
        public var page: String
        public var paragraphs: Int
        public var tokens: Int
        /// Layer name → annotations.
        public var annotations: [String: Int]

        public init(title: String, file: String, page: String, paragraphs: Int, tokens: Int, annotations: [String: Int]) {
            (self.title, self.file, self.page, self.paragraphs, self.tokens, self.annotations) = (title, file, page, paragraphs, tokens, annotations)
        }
    }

    /// The index of a corpus: its statistics, one row per document with a link to its page,
    /// and the files that could not be read.
    public static func index(title: String, rows: [IndexRow], summary: CorpusSummary, unread: [(file: String, reason: String)]) throws(ReportError) -> String {
        let layers = Set(rows.flatMap(\.annotations.keys)).compactMap { try? Layer($0) }.sorted().map(\.name)
        let context: [String: Any] = [
            "title": title,
            "subtitle": "\(rows.count) document\(rows.count == 1 ? "" : "s") · \(summary.tokens) tokens · \(summary.layers.values.reduce(0) { $0 + $1.annotations }) annotations",
            "layers": layers,
            "documents": rows.map { row in
                ["title": row.title, "file": row.file, "page": row.page, "paragraphs": row.paragraphs, "tokens": row.tokens,
                 "counts": layers.map { row.annotations[$0] ?? 0 }] as [String: Any]
            },
            "unread": unread.map { ["file": $0.file, "reason": $0.reason] },
            "charts": Charts.forDocument(summary),
            "tables": HTMLTables.of(Report(summary, by: .layer).sections),
        ]
        return try Templates.render("index", context)
    }
}
