import Foundation
import StandoffAgreement
import StandoffModel
import StandoffReport
import StandoffStatistics
import StandoffTEI
import Testing
import TestSupport

/// The pages as HTML: every annotation drawn with its layer and category, every value escaped,
/// the comparison's disagreements marked, a corpus index linking its pages.
@Suite("HTML report")
struct HTMLReportTests {
    static let shipped = Repository.shippedAnnotations

    /// The value of `attribute` on every element of `html` that has it.
    static func values(of attribute: String, in html: String) -> [String] {
        html.components(separatedBy: " \(attribute)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func everyAnnotationOfTheShippedFileIsDrawnWithItsLayerAndCategory() throws {
        let document = try TEIReader.load(path: Self.shipped)
        let (summary, _) = Statistics.summarize(file: Self.shipped)
        let html = try HTMLReport.document(document, summary: summary)
        for annotation in document.annotations {
            let id = annotation.id.rawValue
            #expect(html.contains("data-id=\"\(id)\" data-layer=\"\(annotation.layer.name)\" data-category=\"\(annotation.category?.rawValue ?? "(none)")\""), "\(id)")
            #expect(html.contains("<tr id=\"row-\(id)\">"), "\(id)")
        }
        // One first piece (the keyboard's stop) per annotation; discontinuous ones have more pieces.
        #expect(Self.values(of: "tabindex", in: html).count == document.annotations.count)
        // The register's mention counts are the statistics'.
        for (id, entry) in summary.entities.entries { #expect(html.contains("<tr id=\"entry-\(id)\" data-mentions=\"\(entry.mentions)\">"), "\(id)") }
        // An error is struck through with its correction beside it: err19 "Novemberadding".
        #expect(html.contains("<ins class=\"fix Lerror\" data-for=\"err19\">November, adding</ins>"))
        // Nothing is fetched: no source or stylesheet link, and a policy that forbids it.
        #expect(!html.contains(" src=") && !html.contains("<link") && !html.contains("@import") && !html.contains("url("))
        #expect(html.contains("content=\"default-src 'none';"))
    }

    @Test func hostileValuesAppearAsText() throws {
        var document = try Document(id: "d", title: "<script>alert('title')</script>", text: SourceText("Kim met Trump in Hanoi."))
        try document.add(try RegisterEntry(id: "evil", kind: .organisation, name: "</style><script>alert(1)</script>"))
        _ = try document.add(Annotation(id: "ent1", layer: .entity, category: "ORG", ranges: [TextRange(0, 3)],
                                    links: [Link(role: .ref, target: .id("evil"))],
                                    features: ["x": "\"><img src=x onerror=alert(2)>"], notes: ["<script>alert(3)</script> & co"]))
        let html = try HTMLReport.document(document, summary: CorpusSummary())
        #expect(!html.contains("<script>alert") && !html.contains("<img") && !html.contains("</style><script>"))
        #expect(html.contains("&lt;script&gt;alert(3)&lt;/script&gt; &amp; co"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
        #expect(html.contains("&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.components(separatedBy: "<script>").count == 2, "only the page's own script")
    }

    @Test func theComparisonMarksSpansWithoutAPartner() throws {
        let alice = try TEIReader.load(path: Self.shipped)
        var bob = alice
        _ = try bob.removeAnnotation("ent1")
        let agreement = AgreementReport(try AgreementInputs.documents([("alice.tei.xml", alice), ("bob.tei.xml", bob)]), resamples: 0, seed: 1)
        let html = try HTMLReport.comparison([("alice", alice), ("bob", bob)], agreement: agreement)
        #expect(html.contains("class=\"a Lentity l0 c1 dis\" data-id=\"0-ent1\""), "alice's ent1 has no partner in bob's work")
        #expect(!html.contains("data-id=\"1-ent1\""))
        #expect(html.contains("<span class=\"who\">alice</span>") && html.contains("<span class=\"who\">bob</span>"))
        // The disagreement is listed, linking to its paragraph.
        #expect(html.contains("<td><a href=\"#p1\">1</a></td><td>28:40</td><td>entity</td><td>Donald Trump</td>"))
        #expect(html.contains("Cohen&#39;s kappa") || html.contains("Cohen's kappa"))
    }

    @Test func theIndexLinksEveryDocument() throws {
        let (summary, _) = Statistics.summarize(file: Self.shipped)
        let rows = [HTMLReport.IndexRow(title: "A <b>", file: "a.xml", page: "a.html", paragraphs: 16, tokens: 1110, annotations: ["entity": 125, "error": 24])]
        let html = try HTMLReport.index(title: "Corpus", rows: rows, summary: summary, unread: [("bad.xml", "not TEI")])
        #expect(html.contains("<a href=\"a.html\">A &lt;b&gt;</a>") && html.contains("Not read: bad.xml (not TEI)"))
        #expect(html.contains("<th class=\"num\">entity</th><th class=\"num\">error</th>"))
    }

    /// The templates insert nothing unescaped but what ``HTMLWriter`` wrote.
    @Test func theTemplatesEscapeEverythingButTheWritersHTML() throws {
        let resources = Repository.root.appendingPathComponent("Sources/StandoffReport/Resources").path
        for name in try FileManager.default.contentsOfDirectory(atPath: resources) where name.hasSuffix(".mustache") {
            let text = try String(contentsOfFile: resources + "/" + name, encoding: .utf8)
            let raw = text.components(separatedBy: "{{{").dropFirst().map { String($0.prefix { $0 != "}" }) }
            #expect(Set(raw).isSubset(of: ["html", "rows"]), "\(name): \(raw)")
            #expect(!text.contains("{{&"), "\(name)")
        }
    }
}
