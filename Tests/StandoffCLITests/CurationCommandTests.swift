import Foundation
import Testing
import TestSupport

/// `standoff merge` and `standoff review` as users run them: on the three annotators' versions
/// `Scripts/make-annotator-variants.sh` makes of the shipped file.
@Suite("standoff merge and review", .serialized)
struct CurationCommandTests {
    /// A directory with alice.tei.xml, bob.tei.xml and carol.tei.xml.
    static func variants() throws -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        let made = try CLI.run([Repository.root.appendingPathComponent("Scripts/make-annotator-variants.sh").path, directory.path, CLI.executable],
                               launcher: "/bin/bash")
        #expect(made.status == 0, "\(made.stderr)")
        return directory
    }

    static let files = ["alice.tei.xml", "bob.tei.xml", "carol.tei.xml"]

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func mergeWritesAGoldFileThatValidatesWithItsProposalsReported() throws {
        let directory = try Self.variants()
        let merged = try CLI.run(["merge"] + Self.files + ["-o", "gold.tei.xml"], in: directory.path)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.contains("taken: 185 (181 by every annotator, 4 by the strategy)"))
        #expect(merged.stdout.contains("proposals: 3 in 1 conflict (by layer: entity 3; by kind: category 1)"))
        #expect(merged.stdout.contains("dropped: 4 (3 overruled in their conflict, 1 marked by too few)"))
        #expect(merged.stdout.contains("wrote: gold.tei.xml"))
        let checked = try CLI.run(["validate", "gold.tei.xml"], in: directory.path)
        #expect(checked.status == 0 && checked.stdout.contains("SO604"), "\(checked.stdout)")
        #expect(try CLI.run(["validate", "gold.tei.xml", "--strict"], in: directory.path).status == 1)
        let again = try CLI.run(["merge"] + Self.files + ["-o", "gold.tei.xml"], in: directory.path)
        #expect(again.status == 1 && again.stderr.contains("gold.tei.xml already exists"))
        let json = try Self.json(try CLI.run(["merge"] + Self.files + ["-o", "gold.tei.xml", "--force", "--strategy", "unanimous", "--format", "json"], in: directory.path).stdout)
        #expect(json["proposals"] as? Int == 11 && json["conflicts"] as? Int == 6 && json["strategy"] as? String == "unanimous")
        #expect(json["annotators"] as? [String] == ["alice", "bob", "carol"])
    }

    @Test func reviewDecidesFromAPipeAndTheFileBecomesGold() throws {
        let directory = try Self.variants()
        #expect(try CLI.run(["merge"] + Self.files + ["-o", "gold.tei.xml"], in: directory.path).status == 0)
        let listed = try CLI.run(["review", "gold.tei.xml", "--list", "--format", "json"], in: directory.path)
        let proposals = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(proposals.count == 1)
        let readings = try #require(proposals.first?["readings"] as? [[String: Any]])
        #expect(Set(readings.compactMap { $0["category"] as? String }) == ["GPE", "LOC", "FAC"])
        #expect(Set(readings.compactMap { ($0["annotators"] as? [String])?.joined() }) == ["alice", "bob", "carol"])
        let noReviewer = try CLI.run(["review", "gold.tei.xml"], in: directory.path, input: "1\n")
        #expect(noReviewer.status == 2 && noReviewer.stderr.contains("a decision needs a reviewer"))
        let reviewed = try CLI.run(["review", "gold.tei.xml", "--annotator", "ed"], in: directory.path, input: "1\n")
        #expect(reviewed.status == 0, "\(reviewed.stderr)")
        #expect(reviewed.stdout.contains("proposal 1 of 1 · conflict c1 · entity · category"))
        #expect(reviewed.stdout.contains("decided: accepted \(readings[0]["id"] as! String); rejected and removed"))
        #expect(reviewed.stdout.contains("1 decision written to gold.tei.xml; 0 conflicts still open"))
        #expect(try CLI.run(["validate", "gold.tei.xml", "--strict"], in: directory.path).status == 0)
        let xml = String(decoding: Repository.read(directory.file("gold.tei.xml")), as: UTF8.self)
        #expect(xml.contains(##"who="#ed" status="accepted" n="c1">accepted</change>"##))
        #expect(xml.contains(##"<respStmt xml:id="ed">"##))
        let none = try CLI.run(["review", "gold.tei.xml", "--annotator", "ed"], in: directory.path)
        #expect(none.status == 0 && none.stdout.contains("no open proposals in gold.tei.xml"))
    }

    @Test func aPipedKeyThatIsNotOneStopsWithTheLineAndKeepsWhatWasDecided() throws {
        let directory = try Self.variants()
        #expect(try CLI.run(["merge"] + Self.files + ["-o", "gold.tei.xml", "--strategy", "unanimous"], in: directory.path).status == 0)
        let stopped = try CLI.run(["review", "gold.tei.xml", "--annotator", "ed"], in: directory.path, input: "1\ns\nx\n1\n")
        #expect(stopped.status == 1, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("line 3 of standard input: 'x' is not a key"))
        #expect(stopped.stderr.contains("1 decision was written before it; run review again to go on"))
        let left = try CLI.run(["review", "gold.tei.xml", "--list", "--format", "json"], in: directory.path)
        #expect((try JSONSerialization.jsonObject(with: Data(left.stdout.utf8)) as? [Any])?.count == 5)
        // Quitting writes nothing more; coming back starts at the first open proposal.
        let quit = try CLI.run(["review", "gold.tei.xml", "--annotator", "ed"], in: directory.path, input: "q\n")
        #expect(quit.status == 0 && quit.stdout.contains("proposal 1 of 5 · conflict c2"))
        #expect(quit.stdout.contains("0 decisions written to gold.tei.xml; 5 conflicts still open (run standoff review gold.tei.xml again to go on)"))
    }

    @Test func batchFormsDecideAndSayWhatIsLeft() throws {
        let directory = try Self.variants()
        #expect(try CLI.run(["merge"] + Self.files + ["-o", "gold.tei.xml", "--strategy", "unanimous"], in: directory.path).status == 0)
        let majority = try CLI.run(["review", "gold.tei.xml", "--accept-majority"], environment: ["STANDOFF_ANNOTATOR": "ed"], in: directory.path)
        #expect(majority.status == 0, "\(majority.stderr)")
        #expect(majority.stdout == "accepted 5, rejected 3 (3 removed, 0 kept as rejected); 1 conflict still open in gold.tei.xml\n")
        let listed = try CLI.run(["review", "gold.tei.xml", "--list", "--format", "json"], in: directory.path)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]], "\(listed.stderr)")
        let readings = try #require((list.first?["readings"] as? [[String: Any]])?.compactMap { $0["id"] as? String })
        let rejected = try CLI.run(["review", "gold.tei.xml", "--reject", readings[1], readings[2], "--accept", readings[0], "--keep-rejected", "--format", "json"],
                                   environment: ["STANDOFF_ANNOTATOR": "ed"], in: directory.path)
        #expect(rejected.status == 0, "\(rejected.stderr)")
        let summary = try Self.json(rejected.stdout)
        #expect(summary["openConflicts"] as? Int == 0)
        #expect((summary["outcome"] as? [String: Any])?["keptRejected"] as? [String] == [readings[1], readings[2]])
        let wrong = try CLI.run(["review", "gold.tei.xml", "--accept", readings[0]], environment: ["STANDOFF_ANNOTATOR": "ed"], in: directory.path)
        #expect(wrong.status == 2 && wrong.stderr.contains("annotation '\(readings[0])' was accepted already"))
    }

    @Test func aGoldFileCanGoToStandardOutput() throws {
        let directory = try Self.variants()
        let merged = try CLI.run(["merge", "alice.tei.xml", "bob.tei.xml", "-o", "-"], in: directory.path)
        #expect(merged.status == 0)
        #expect(merged.stdout.hasPrefix("<?xml") && merged.stdout.contains(##"status="proposed""##))
        #expect(merged.stderr.contains("merged 1 document by 2 annotators (alice, bob)"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("-")))
    }

    @Test func mergeRefusesWhatItCannotDo() throws {
        let directory = try Self.variants()
        let tooMany = try CLI.run(["merge"] + Self.files + ["-o", "g.tei.xml", "--strategy", "at-least:4"], in: directory.path)
        #expect(tooMany.status == 2 && tooMany.stderr.contains("asks for more annotators than the 3 given"))
        let nobody = try CLI.run(["merge"] + Self.files + ["-o", "g.tei.xml", "--strategy", "prefer:dave"], in: directory.path)
        #expect(nobody.status == 2 && nobody.stderr.contains("no input is annotator 'dave'"))
        let twice = try CLI.run(["merge", "alice.tei.xml", "alice.tei.xml", "-o", "g.tei.xml"], in: directory.path)
        #expect(twice.status == 2 && twice.stderr.contains("alice.tei.xml is given twice"))
        let itself = try CLI.run(["merge"] + Self.files + ["-o", "alice.tei.xml", "--force"], in: directory.path)
        #expect(itself.status == 1 && itself.stderr.contains("alice.tei.xml is an input itself"))
        let other = try CLI.run(["merge", "alice.tei.xml", Repository.fixture("minimal.tei.xml"), "-o", "g.tei.xml"], in: directory.path)
        #expect(other.status == 1 && other.stderr.contains("annotate different texts"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("g.tei.xml")))
    }

    @Test func directoriesAreMergedTextByText() throws {
        let variants = try Self.variants()
        let corpus = TemporaryDirectory()
        for (index, name) in ["alice", "bob", "carol"].enumerated() {
            try FileManager.default.createDirectory(atPath: corpus.file(name), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: variants.file(Self.files[index]), toPath: corpus.file("\(name)/article.tei.xml"))
            if name != "carol" { try FileManager.default.copyItem(atPath: Repository.fixture("minimal.tei.xml"), toPath: corpus.file("\(name)/minimal.tei.xml")) }
        }
        let merged = try CLI.run(["merge", "alice", "bob", "carol", "-o", "gold", "--format", "json"], in: corpus.path)
        #expect(merged.status == 0, "\(merged.stderr)")
        let summary = try Self.json(merged.stdout)
        #expect(summary["documents"] as? Int == 2)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: corpus.file("gold"))) == ["article.tei.xml", "minimal.tei.xml"])
        #expect(try CLI.run(["validate", "gold"], in: corpus.path).status == 0)
        let mixed = try CLI.run(["merge", "alice", "bob/article.tei.xml", "-o", "gold2"], in: corpus.path)
        #expect(mixed.status == 2 && mixed.stderr.contains("is a directory and"))
    }
}
