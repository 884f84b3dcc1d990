import Foundation
import Testing
import TestSupport

/// `standoff stats` as a user runs it: reports, shards merged, bad input.
@Suite("standoff stats")
struct StatsCommandTests {
    let directory = TemporaryDirectory()
    let shipped = Repository.root.appendingPathComponent("Annotations/north-korea-diplomacy.tei.xml").path

    @Test func theShippedCorpusInEveryFormat() throws {
        for format in ["table", "json", "csv", "markdown"] {
            let result = try CLI.run(["stats", Repository.root.appendingPathComponent("Annotations").path, "--format", format])
            #expect(result.status == 0, "\(format): \(result.stderr)")
            #expect(result.stdout.contains("5933") && result.stdout.contains("1110"), "\(format)")
        }
        let byDocument = try CLI.run(["stats", shipped, "--by", "document", "--format", "csv"])
        #expect(byDocument.stdout.contains("documents,1,document,north-korea-diplomacy"), "\(byDocument.stdout)")
    }

    @Test func shardsMergedPrintWhatOneRunPrints() throws {
        let one = directory.file("one")
        let two = directory.file("two")
        for shard in [one, two] { try FileManager.default.createDirectory(atPath: shard, withIntermediateDirectories: true) }
        try FileManager.default.copyItem(atPath: shipped, toPath: one + "/a.xml")
        try FileManager.default.copyItem(atPath: Repository.fixture("minimal.tei.xml"), toPath: two + "/b.xml")
        try FileManager.default.copyItem(atPath: Repository.fixture("rules/clean.tei.xml"), toPath: two + "/c.xml")
        for (shard, name) in [(one, "1.json"), (two, "2.json")] {
            let partial = try CLI.run(["stats", "--partial", shard])
            #expect(partial.status == 0)
            try partial.stdout.write(toFile: directory.file(name), atomically: true, encoding: .utf8)
        }
        for format in ["table", "json", "csv"] {
            let single = try CLI.run(["stats", one, two, "--format", format, "--by", "document"])
            let merged = try CLI.run(["stats", "merge", directory.file("1.json"), directory.file("2.json"), "--format", format, "--by", "document"])
            #expect(merged.status == 0, "\(merged.stderr)")
            #expect(merged.stdout == single.stdout, "\(format)")
        }
    }

    @Test func badInputIsNamedAndLeftOut() throws {
        let broken = directory.file("broken.xml")
        try "<TEI".write(toFile: broken, atomically: true, encoding: .utf8)
        let result = try CLI.run(["stats", shipped, broken])
        #expect(result.status == 1)
        #expect(result.stderr.contains("broken.xml") && result.stderr.contains("1 file left out of the counts"), "\(result.stderr)")
        #expect(result.stdout.contains("5933"), "the readable file is still counted")
        let missing = try CLI.run(["stats", directory.file("missing.xml")])
        #expect(missing.status == 2 && missing.stderr.contains("missing.xml"))
        let notPartial = try CLI.run(["stats", "merge", shipped])
        #expect(notPartial.status == 1 && notPartial.stderr.contains("is not a partial summary"), "\(notPartial.stderr)")
        #expect(try CLI.run(["stats", "merge", directory.file("nothing.json")]).status == 2)
    }
}
