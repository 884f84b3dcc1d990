import Foundation
import Testing
import TestSupport

/// `standoff report` as a user runs it: one page, a comparison, a corpus; files never replaced
/// without --force; bad input named.
@Suite("standoff report")
struct ReportCommandTests {
    let directory = TemporaryDirectory()
    let shipped = Repository.shippedAnnotations

    @Test func onePageIsWrittenAndNotReplacedWithoutForce() throws {
        let page = directory.file("report.html")
        let result = try CLI.run(["report", shipped, "-o", page])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("data-id=\"ent1\"") && html.hasSuffix("</html>\n"))
        let again = try CLI.run(["report", shipped, "-o", page])
        #expect(again.status == 1 && again.stderr.contains("already exists") && again.stderr.contains("--force"), "\(again.stderr)")
        #expect(try CLI.run(["report", shipped, "-o", page, "--force"]).status == 0)
        let itself = try CLI.run(["report", shipped, "-o", shipped, "--force"])
        #expect(itself.status == 1 && itself.stderr.contains("writing it would replace what is read"), "\(itself.stderr)")
        #expect(try CLI.run(["report", directory.file("missing.tei.xml"), "-o", directory.file("x.html")]).status == 2)
    }

    @Test func aComparisonOfTheSameTextAndARefusalOfAnother() throws {
        let bob = directory.file("bob.tei.xml")
        try FileManager.default.copyItem(atPath: shipped, toPath: bob)
        #expect(try CLI.run(["remove", bob, "ent1"]).status == 0)
        let page = directory.file("compare.html")
        let result = try CLI.run(["report", shipped, "--compare", bob, "-o", page, "--bootstrap", "0"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("data-id=\"0-ent1\"") && html.contains(" dis\""))
        let other = directory.file("other.tei.xml")
        let text = directory.file("other.txt")
        try "Another text entirely.".write(toFile: text, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["init", text, "-o", other]).status == 0)
        let refused = try CLI.run(["report", shipped, "--compare", other, "-o", directory.file("no.html")])
        #expect(refused.status == 1 && refused.stderr.contains("annotate different texts"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.file("no.html")))
    }

    @Test func aCorpusGetsAnIndexAndAPagePerDocument() throws {
        let corpus = directory.file("corpus")
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: shipped, toPath: corpus + "/a.xml")
        try FileManager.default.copyItem(atPath: Repository.fixture("minimal.tei.xml"), toPath: corpus + "/b.xml")
        try "not xml".write(toFile: corpus + "/broken.xml", atomically: true, encoding: .utf8)
        let site = directory.file("site")
        let result = try CLI.run(["report", corpus, "-o", site])
        #expect(result.status == 1, "a file that cannot be read is named and the exit code says so")
        #expect(result.stderr.contains("broken.xml"), "\(result.stderr)")
        let pages = Set(try FileManager.default.contentsOfDirectory(atPath: site))
        #expect(pages.contains("index.html") && pages.contains("north-korea-diplomacy.html") && pages.count == 3, "\(pages)")
        let index = try String(contentsOfFile: site + "/index.html", encoding: .utf8)
        #expect(index.contains("href=\"north-korea-diplomacy.html\"") && index.contains("Not read: ") && index.contains("broken.xml"))
        let page = try String(contentsOfFile: site + "/north-korea-diplomacy.html", encoding: .utf8)
        #expect(page.contains("<a href=\"index.html\">← corpus</a>"))
    }
}
