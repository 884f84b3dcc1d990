import Foundation
import Testing
import TestSupport

/// `standoff stats` as a user runs it: reports, shards merged, bad input.
@Suite("standoff stats")
struct StatsCommandTests {
    let directory = TemporaryDirectory()
    let shipped = Repository.shippedAnnotations

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

    // MARK: Never silently wrong (issue 22)

    /// Writes a partial of `paths` to `name` and returns its path.
    func partial(_ paths: [String], _ name: String) throws -> String {
        let result = try CLI.run(["stats", "--partial"] + paths)
        #expect(result.status == 0, "\(result.stderr)")
        try result.stdout.write(toFile: directory.file(name), atomically: true, encoding: .utf8)
        return directory.file(name)
    }

    @Test func mergeRefusesTheSamePartialTwiceAndTamperedOnes() throws {
        let one = try partial([shipped], "one.json")
        let twice = try CLI.run(["stats", "merge", one, one])
        #expect(twice.status == 1 && twice.stderr.contains("one.json: counts \(shipped) twice"), "\(twice.stderr)")
        let again = try partial([shipped], "again.json")
        let overlap = try CLI.run(["stats", "merge", one, again])
        #expect(overlap.status == 1 && overlap.stderr.contains("already counted in \(one)"), "\(overlap.stderr)")
        // Tampered: a negative count, coverage above 100 %, counts that overflow when added.
        let text = try String(contentsOfFile: one, encoding: .utf8)
        let edits: [(String, String, String)] = [
            ("\"withoutLink\" : 14", "\"withoutLink\" : -14", "entities.withoutLink is negative"),
            ("\"coveredCodePoints\" : 1094", "\"coveredCodePoints\" : 100001", "covers more than 100 %"),
            ("\"annotations\" : 125", "\"annotations\" : 126", "adds up to 125, not to layers.entity.annotations (126)"),
        ]
        for (from, to, said) in edits {
            #expect(text.contains(from), "the partial no longer holds \(from)")
            let tampered = directory.file("tampered.json")
            try text.replacingOccurrences(of: from, with: to).write(toFile: tampered, atomically: true, encoding: .utf8)
            let result = try CLI.run(["stats", "merge", tampered])
            #expect(result.status == 1 && result.stderr.contains("is not consistent") && result.stderr.contains(said), "\(to): \(result.stderr)")
        }
        // Consistent on its own, but adding another document's code points overflows: named.
        let huge = directory.file("huge.json")
        try text.replacingOccurrences(of: "\"codePoints\" : 5933", with: "\"codePoints\" : \(Int.max - 5)").write(toFile: huge, atomically: true, encoding: .utf8)
        let other = try partial([Repository.fixture("minimal.tei.xml")], "other.json")
        let overflow = try CLI.run(["stats", "merge", huge, other])
        #expect(overflow.status == 1 && overflow.stderr.contains("makes the count of codePoints outgrow a 64-bit integer"), "\(overflow.stderr)")
        // An older partial's format is named with what to do.
        let older = directory.file("older.json")
        try text.replacingOccurrences(of: "standoff-stats-2", with: "standoff-stats-1").write(toFile: older, atomically: true, encoding: .utf8)
        let oldFormat = try CLI.run(["stats", "merge", older])
        #expect(oldFormat.status == 1 && oldFormat.stderr.contains("run `standoff stats --partial` on its files again"), "\(oldFormat.stderr)")
    }

    @Test func theCorpusAnnotatorsCountAnnotationsWithoutOneAndARateOfNoTokensIsNone() throws {
        let file = directory.file("d.tei.xml")
        let text = directory.file("d.txt")
        try "   \n".write(toFile: text, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["init", text, "-o", file]).status == 0)
        let added = try CLI.run(["add", "error", file, "--range", "1:2", "--category", "spacing", "--correction", "", "--severity", "minor"])
        #expect(added.status == 0, "\(added.stderr)")
        let json = try CLI.run(["stats", file, "--format", "json"])
        let corpus = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["corpus"] as? [String: Any])
        #expect(corpus["annotators"] as? [String: Int] == ["(none)": 1], "\(corpus)")
        let table = try CLI.run(["stats", file])
        #expect(table.stdout.contains("errors per 1,000 tokens: -"), "\(table.stdout)")
        #expect(table.stdout.contains("(none)     error  1"), "\(table.stdout)")
    }

    @Test func aCorpusReachedThroughALinkIsCounted() throws {
        let real = directory.file("real")
        try FileManager.default.createDirectory(atPath: real, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: shipped, toPath: real + "/a.xml")
        try FileManager.default.createSymbolicLink(atPath: directory.file("corpus"), withDestinationPath: real)
        let result = try CLI.run(["stats", directory.file("corpus"), "--format", "json"])
        #expect(result.status == 0)
        let corpus = (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])?["corpus"] as? [String: Any]
        #expect(corpus?["documents"] as? Int == 1)
    }
}
