import Foundation
import Testing
import TestSupport

/// `standoff export` and `standoff import` as a user runs them.
@Suite("standoff export and import")
struct InterchangeCommandTests {
    let directory = TemporaryDirectory()
    let shipped = Repository.root.appendingPathComponent("Annotations/north-korea-diplomacy.tei.xml").path

    @Test func jsonLinesOutAndBackListTheSameAnnotations() throws {
        let jsonl = directory.file("out.jsonl")
        let export = try CLI.run(["export", shipped, "--to", "jsonl", "-o", jsonl])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.contains("jsonl: 1 revision history entries dropped"), "losses are told: \(export.stderr)")
        let back = directory.file("back.tei.xml")
        let imported = try CLI.run(["import", jsonl, "--from", "jsonl", "-o", back])
        #expect(imported.status == 0 && imported.stdout.contains("186 annotations"), "\(imported.stderr)")
        #expect(try CLI.run(["list", back, "--format", "json"]).stdout == (try CLI.run(["list", shipped, "--format", "json"])).stdout)
        #expect(try CLI.run(["validate", back]).status == 0)
        let strict = try CLI.run(["export", shipped, "--to", "jsonl", "--fail-on-loss", "-o", directory.file("strict.jsonl")])
        #expect(strict.status == 1 && !FileManager.default.fileExists(atPath: directory.file("strict.jsonl")))
        #expect(try CLI.run(["import", jsonl, "--from", "jsonl", "-o", back]).status == 1, "an existing file is not replaced without --force")
    }

    @Test func bratOutAndBack() throws {
        let ann = directory.file("brat/article.ann")
        try FileManager.default.createDirectory(atPath: directory.file("brat"), withIntermediateDirectories: true)
        let export = try CLI.run(["export", shipped, "--to", "brat", "-o", ann])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory.file("brat/article.txt")))
        #expect(export.stderr.contains("brat: ") && export.stderr.contains("register aliases dropped"), "\(export.stderr)")
        let back = directory.file("article.tei.xml")
        let imported = try CLI.run(["import", ann, "--from", "brat", "-o", back])
        #expect(imported.status == 0 && imported.stdout.contains("186 annotations"), "\(imported.stderr)")
        #expect(try CLI.run(["validate", back]).status == 0)
        #expect(try CLI.run(["export", shipped, "--to", "brat"]).status == 2, "brat needs -o NAME.ann")
    }
}
