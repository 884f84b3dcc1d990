import Foundation
import StandoffModel
import StandoffTEI
import Testing
import TestSupport

/// `standoff export` and `standoff import` as a user runs them.
@Suite("standoff export and import")
struct InterchangeCommandTests {
    let directory = TemporaryDirectory()
    let shipped = Repository.shippedAnnotations

    /// CoNLL is written as the file is streamed: to a file and to standard output the same bytes,
    /// the losses counted at the end as a loaded document would count them (the kept markup and
    /// the revisions the reader gives last among them), and --fail-on-loss writes nothing.
    @Test func conllIsWrittenFromTheStreamedFile() throws {
        let foreign = Repository.fixture("foreign-content.tei.xml")
        let toFile = try CLI.run(["export", foreign, "--to", "conll", "-o", directory.file("f.conll"), "--report", "json"])
        #expect(toFile.status == 0, "\(toFile.stderr)")
        let toStandardOutput = try CLI.run(["export", foreign, "--to", "conll", "--report", "json"])
        #expect(Array(toStandardOutput.stdout.utf8) == Repository.read(directory.file("f.conll")))
        #expect(toStandardOutput.stderr == toFile.stderr)
        let losses = try #require(try JSONSerialization.jsonObject(with: Data(toFile.stderr.utf8)) as? [String: Any])
        let counts = try #require(losses["counts"] as? [String: Int])
        let document = try TEIReader.load(path: foreign)
        #expect(counts["pieces of markup Standoff keeps without reading (elements, comments) dropped"] == DocumentField.keptMarkup.count(in: document))
        #expect(counts["revision history entries dropped"] == (document.revisions.isEmpty ? nil : document.revisions.count))
        #expect(DocumentField.keptMarkup.count(in: document) > 0)
        let refused = try CLI.run(["export", foreign, "--to", "conll", "-o", directory.file("g.conll"), "--fail-on-loss"])
        #expect(refused.status == 1 && refused.stderr.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("g.conll")))
        #expect(directory.contents.filter { $0.hasPrefix(".") }.isEmpty, "no temporary file is left")
        let broken = try CLI.run(["export", Repository.fixture("offset-past-end.tei.xml"), "--to", "conll", "-o", directory.file("h.conll")])
        #expect(broken.status == 1 && broken.stderr.contains("offset-past-end.tei.xml:"), "a file with problems is refused, naming the line")
        #expect(!FileManager.default.fileExists(atPath: directory.file("h.conll")))
    }

    /// JSON Lines and W3C are written as the file is streamed when its annotations come in the
    /// model's order (as Standoff writes them); a file in another order (ent1 after ent2 here) is
    /// exported from the loaded document instead: the same bytes either way.
    @Test(arguments: [("jsonl", "jsonl"), ("w3c", "jsonld"), ("brat", "ann")])
    func streamedOrNotTheSameBytes(format: String, suffix: String) throws {
        let shipped = String(decoding: Repository.read(Repository.shippedAnnotations), as: UTF8.self)
        let ent1 = try #require(shipped.range(of: ##"      <annotation xml:id="ent1""##))
        let ent2 = try #require(shipped.range(of: ##"      <annotation xml:id="ent2""##))
        let ent3 = try #require(shipped.range(of: ##"      <annotation xml:id="ent3""##))
        let swapped = String(shipped[..<ent1.lowerBound]) + String(shipped[ent2.lowerBound..<ent3.lowerBound])
            + String(shipped[ent1.lowerBound..<ent2.lowerBound]) + String(shipped[ent3.lowerBound...])
        try swapped.write(toFile: directory.file("swapped.tei.xml"), atomically: true, encoding: .utf8)
        let (a, b) = (directory.file("a.\(suffix)"), directory.file("b.\(suffix)"))
        let inOrder = try CLI.run(["export", Repository.shippedAnnotations, "--to", format, "-o", a])
        let outOfOrder = try CLI.run(["export", directory.file("swapped.tei.xml"), "--to", format, "-o", b])
        #expect(inOrder.status == 0 && outOfOrder.status == 0, "\(inOrder.stderr)\(outOfOrder.stderr)")
        #expect(Repository.read(a) == Repository.read(b))
        #expect(Repository.read(a).count > 20_000, "every annotation written")
        #expect(inOrder.stderr == outOfOrder.stderr)
        if format == "brat" {
            #expect(Repository.read(directory.file("a.txt")) == Repository.read(directory.file("b.txt")) && !Repository.read(directory.file("a.txt")).isEmpty)
            let refused = try CLI.run(["export", Repository.shippedAnnotations, "--to", format, "-o", directory.file("c.ann"), "--fail-on-loss"])
            #expect(refused.status == 1 && !FileManager.default.fileExists(atPath: directory.file("c.ann")) && !FileManager.default.fileExists(atPath: directory.file("c.txt")))
        } else {
            let toStandardOutput = try CLI.run(["export", Repository.shippedAnnotations, "--to", format])
            #expect(Array(toStandardOutput.stdout.utf8) == Repository.read(a))
        }
        #expect(directory.contents.filter { $0.hasPrefix(".") }.isEmpty, "no temporary file is left")
    }

    /// A streamed export (and `list`, which streams too) refuses what loading the file refuses,
    /// though it builds no document: an id used twice, a link to nothing, an undeclared category.
    @Test(arguments: [("duplicate-id.tei.xml", "id 'ent1' is already used by an annotation"),
                      ("dangling-reference.tei.xml", "ref link points at 'nobody', which is not declared"),
                      ("undeclared-category.tei.xml", "category 'spelling' is not declared in taxonomy 'entity'")])
    func streamedCommandsRefuseWhatLoadingRefuses(fixture: String, message: String) throws {
        let path = Repository.fixture(fixture)
        for arguments in [["export", path, "--to", "conll"], ["export", path, "--to", "jsonl"], ["export", path, "--to", "w3c"],
                          ["export", path, "--to", "brat", "-o", directory.file("x.ann")], ["list", path], ["show", path],
                          ["export", path, "--to", "xmi", "-o", directory.file("x.xmi")]] {
            let run = try CLI.run(arguments)
            #expect(run.status == 1 && run.stderr.contains(message) && run.stderr.contains("\(fixture):"), "\(arguments): \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
        #expect(directory.contents.isEmpty)
    }

    @Test func jsonLinesOutAndBackListTheSameAnnotations() throws {
        let jsonl = directory.file("out.jsonl")
        let export = try CLI.run(["export", shipped, "--to", "jsonl", "-o", jsonl])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.contains("jsonl: 1 revision history entry dropped"), "losses are told: \(export.stderr)")
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
        #expect(export.stderr.contains("brat: ") && export.stderr.contains("register entries' aliases dropped"), "\(export.stderr)")
        let back = directory.file("article.tei.xml")
        let imported = try CLI.run(["import", ann, "--from", "brat", "-o", back])
        #expect(imported.status == 0 && imported.stdout.contains("186 annotations"), "\(imported.stderr)")
        #expect(try CLI.run(["validate", back]).status == 0)
        #expect(try CLI.run(["export", shipped, "--to", "brat"]).status == 2, "brat needs -o NAME.ann")
    }

    @Test func anImportReportsWhatItChangedAsJSONAndRefusesFormatsItDoesNotRead() throws {
        let inception = Repository.fixture("third-party/dkpro-cassis/cas_with_smileys.xmi")
        let out = directory.file("inception.tei.xml")
        let run = try CLI.run(["import", inception, "--from", "xmi", "-o", out, "--report", "json"])
        #expect(run.status == 0 && run.stdout == "imported \(out): 156 annotations\n", "\(run.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(run.stderr.utf8)) as? [String: [String: Int]]
        #expect(report?["counts"] == ["CAS metadata (DocumentMetaData) left out": 1, "CAS metadata (TagsetDescription) left out": 4])
        #expect(report?["repairs"]?["annotations of type Token imported as layer token"] == 148)
        #expect(try CLI.run(["list", out, "--layer", "entity"]).stdout.contains("ent4  entity  OTH       685:692  PyTorch"))
        // CoNLL and FoLiA are written only: a usage error naming what is read.
        let conll = try CLI.run(["import", inception, "--from", "conll", "-o", directory.file("x.tei.xml")])
        #expect(conll.status == 2 && conll.stderr.contains("'brat', 'jsonl', 'w3c', 'xmi' or 'tei-inline'"), "\(conll.stderr)")
        // A fault with no line names the file alone.
        let empty = directory.file("empty.xmi")
        try #"<?xml version="1.0"?><xmi:XMI xmlns:xmi="http://www.omg.org/XMI"/>"#.write(toFile: empty, atomically: true, encoding: .utf8)
        let failed = try CLI.run(["import", empty, "--from", "xmi", "-o", directory.file("y.tei.xml")])
        #expect(failed.status == 1 && failed.stderr.contains("error: \(empty): has no initial view with a sofaString"), "\(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.file("y.tei.xml")))
    }

    @Test func anExportNeverReplacesTheFileItReadsAndReplacesOthersOnlyWithForce() throws {
        let tei = directory.file("article.tei.xml")
        try FileManager.default.copyItem(atPath: shipped, toPath: tei)
        let original = Repository.read(tei)
        // The TEI file itself, by its name or a link to it: refused even with --force.
        try FileManager.default.createSymbolicLink(atPath: directory.file("link.json"), withDestinationPath: tei)
        for (output, force) in [(tei, false), (tei, true), (directory.file("link.json"), true)] {
            let run = try CLI.run(["export", tei, "--to", "jsonl", "-o", output] + (force ? ["--force"] : []))
            #expect(run.status == 1 && run.stderr.contains("is the TEI file itself") && !run.stderr.contains("dropped"), "\(run.stderr)")
        }
        #expect(Repository.read(tei) == original)
        // Another file that exists, or the text brat writes beside its .ann: only with --force.
        let jsonl = directory.file("out.jsonl")
        try "keep me\n".write(toFile: jsonl, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["export", tei, "--to", "jsonl", "-o", jsonl]).stderr.contains("out.jsonl already exists"))
        #expect(try String(contentsOfFile: jsonl, encoding: .utf8) == "keep me\n")
        #expect(try CLI.run(["export", tei, "--to", "jsonl", "-o", jsonl, "--force"]).status == 0)
        #expect(try String(contentsOfFile: jsonl, encoding: .utf8).hasPrefix(#"{"annotators""#))
        try "my notes\n".write(toFile: directory.file("notes.txt"), atomically: true, encoding: .utf8)
        let brat = try CLI.run(["export", tei, "--to", "brat", "-o", directory.file("notes.ann")])
        #expect(brat.status == 1 && brat.stderr.contains("notes.txt already exists") && !FileManager.default.fileExists(atPath: directory.file("notes.ann")))
    }

    /// `-o -` is standard output (as `import -` reads standard input), never a file named `-`.
    @Test func dashIsStandardOutput() throws {
        let shipped = Repository.shippedAnnotations
        let result = try CLI.run(["export", shipped, "--to", "jsonl", "-o", "-"], in: directory.path)
        #expect(result.status == 0 && result.stdout.hasPrefix("{\"annotators\""), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.file("-")))
    }

    /// `import -` reads standard input for the formats read from their bytes; the XML formats,
    /// parsed from their file, and options a format does not read are usage errors (exit 2).
    @Test func dashIsStandardInputAndOptionsAreTheFormats() throws {
        let jsonl = directory.file("in.jsonl")
        #expect(try CLI.run(["export", Repository.shippedAnnotations, "--to", "jsonl", "-o", jsonl]).status == 0)
        let back = directory.file("back.tei.xml")
        let piped = try CLI.run(["-c", "\"$0\" import - --from jsonl -o \"$1\" < \"$2\"", CLI.executable, back, jsonl], launcher: "/bin/sh")
        #expect(piped.status == 0 && piped.stdout.contains("imported \(back): 186 annotations"), "\(piped.stderr)")
        let xmi = try CLI.run(["import", "-", "--from", "xmi", "-o", directory.file("x.tei.xml")])
        #expect(xmi.status == 2 && xmi.stderr.contains("xmi is read from its file: give its path"), "\(xmi.stderr)")
        let lossy = try CLI.run(["import", jsonl, "--from", "jsonl", "--lossy", "-o", directory.file("l.tei.xml")])
        #expect(lossy.status == 2 && lossy.stderr.contains("--lossy is for brat and xmi"), "\(lossy.stderr)")
        let view = try CLI.run(["import", jsonl, "--from", "jsonl", "--view", "v", "-o", directory.file("v.tei.xml")])
        #expect(view.status == 2 && view.stderr.contains("--view is for xmi"), "\(view.stderr)")
        let scheme = try CLI.run(["export", Repository.shippedAnnotations, "--to", "jsonl", "--scheme", "bioes"])
        #expect(scheme.status == 2 && scheme.stderr.contains("--scheme is for conll"), "\(scheme.stderr)")
        let conll = try CLI.run(["export", Repository.shippedAnnotations, "--to", "conll", "--scheme", "bioes", "--layer", "error"])
        #expect(conll.status == 0 && conll.stdout.contains("restart _ _ S-grammar"), "\(conll.stderr)")
    }

    /// Markup the TEI file keeps without reading goes into no other format: every export counts
    /// it, and `--fail-on-loss` writes nothing.
    @Test func keptMarkupIsCountedByEveryExport() throws {
        var text = String(decoding: Repository.read(Repository.fixture("minimal.tei.xml")), as: UTF8.self)
        text = text.replacingOccurrences(of: "</standOff>", with: "<linkGrp><link target=\"#ent1 #kim\"/></linkGrp></standOff>")
            .replacingOccurrences(of: "<annotation xml:id=\"ent1\"", with: "<annotation xmlns:ex=\"urn:example\" ex:checked=\"yes\" xml:id=\"ent1\"")
        let path = directory.file("kept.tei.xml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        for format in ["jsonl", "w3c", "conll", "folia", "tei-inline", "brat", "xmi"] {
            let target = directory.file("out-\(format)" + (format == "brat" ? ".ann" : format == "xmi" ? ".xmi" : ".out"))
            let result = try CLI.run(["export", path, "--to", format, "-o", target, "--fail-on-loss"])
            #expect(result.status == 1, "\(format)")
            #expect(result.stderr.contains("1 piece of markup Standoff keeps without reading (elements, comments) dropped")
                    && result.stderr.contains("1 attribute Standoff keeps without reading dropped"), "\(format): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: target))
        }
    }
}
