import Foundation
import StandoffValidation
import Testing
import TestSupport

/// Broken and hostile files: a clear diagnostic, bounded time and memory, never a crash.
@Suite("Hostile and broken input", .serialized)
struct HostileInputTests {
    let directory = TemporaryDirectory()

    func validate(_ path: String) -> FileReport { Validator().validate(file: path) }

    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let path = directory.file(name)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        return path
    }

    /// Peak resident memory of this process so far, in bytes.
    func peakMemory() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }

    @Test func truncatedXML() throws {
        let finding = try #require(validate(Repository.fixture("truncated.xml")).diagnostics.first)
        #expect(finding.code == "SO001" && finding.message.contains("ends inside <title>"))
    }

    @Test func invalidUTF8() throws {
        let path = write("latin1.xml", Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<teiHeader>caf".utf8) + [0xE9] + Array(" </teiHeader></TEI>\n".utf8))
        let finding = try #require(validate(path).diagnostics.first)
        #expect(finding.code == "SO001" && finding.line == 3)
        #expect(finding.message.contains("not proper UTF-8") && !finding.message.contains("\n"))
        #expect(finding.hint.contains("UTF-8"))
    }

    @Test func utf16WithByteOrderMarkIsReadAsTheXMLItIs() throws {
        let xml = String(decoding: Repository.read(Repository.fixture("minimal.tei.xml")), as: UTF8.self)
            .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        let path = write("utf16.xml", [0xFF, 0xFE] + Array(xml.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        let report = validate(path)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.headline))")
    }

    @Test func externalEntityIsNotRead() throws {
        let report = validate(Repository.fixture("xxe.xml"))
        let finding = try #require(report.diagnostics.first)
        #expect(finding.code == "SO001" && finding.message.contains("entity 'secret'"))
        #expect(!report.diagnostics.contains { $0.message.contains("root:x:0:0") })
    }

    @Test func entityBombIsRefused() throws {
        let report = validate(Repository.fixture("billion-laughs.xml"))
        #expect(report.diagnostics.map(\.code) == ["SO001"])
        #expect(report.diagnostics.first?.message.contains("entity 'a'") == true)
    }

    @Test func aHundredMegabyteAttributeStopsAtLibxml2sLimit() throws {
        let path = directory.file("huge-attribute.xml")
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.write(Data("<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt><title n=\"".utf8))
        let megabyte = Data(repeating: 0x61, count: 1 << 20)
        for _ in 0..<100 { handle.write(megabyte) }
        handle.write(Data("\">t</title></titleStmt></fileDesc></teiHeader></TEI>\n".utf8))
        try handle.close()
        let before = peakMemory()
        let finding = try #require(validate(path).diagnostics.first)
        #expect(finding.code == "SO001")
        #expect(finding.message.contains("longer than libxml2's limit"))
        #expect(peakMemory() - before < 200 << 20, "reading must stay bounded, not load the 100 MB value")
    }

    @Test func aHundredThousandNestedElementsStopAtTheDepthLimit() throws {
        let path = write("deep.xml", Array(("<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader>"
            + String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000) + "</teiHeader></TEI>\n").utf8))
        let clock = ContinuousClock()
        let start = clock.now
        let diagnostics = validate(path).diagnostics
        let finding = try #require(diagnostics.first { $0.code == "SO001" })
        #expect(finding.message.contains("nested more than 256 deep"))
        #expect(clock.now - start < .seconds(20), "must stop early, not walk 100,000 levels")
        // <a> is not a TEI element: one message for it, not one per level inside it.
        #expect(diagnostics.filter { $0.code == "SO005" }.count == 1)
        #expect(diagnostics.count == 2, "\(diagnostics.map(\.headline))")
    }

    @Test func corruptedCopiesOfTheShippedFileGetAReportNeverACrash() throws {
        // Seeded corruptions: bytes changed, cut, repeated, and markup characters let in.
        let original = Repository.read(Repository.shippedAnnotations)
        var generator = SeededGenerator(seed: 2026)
        let insertions: [[UInt8]] = [Array("<".utf8), Array(">".utf8), Array("\"".utf8), Array("</annotation>".utf8),
                                     Array("<listAnnotation>".utf8), [0xE2, 0x80], [0x00], Array(#" xml:id="p1""#.utf8)]
        var broken = 0
        for round in 0..<40 {
            var bytes = original
            for _ in 0..<(1 + Int(generator.next() % 4)) {
                let at = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 4 {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: generator.next())
                case 1: bytes.removeSubrange(at..<min(bytes.count, at + 1 + Int(generator.next() % 80)))
                case 2: bytes.insert(contentsOf: insertions[Int(generator.next() % UInt64(insertions.count))], at: at)
                default:
                    let from = Int(generator.next() % UInt64(bytes.count))
                    bytes.insert(contentsOf: bytes[from..<min(bytes.count, from + Int(generator.next() % 400))], at: at)
                }
            }
            let path = write("corrupt-\(round).xml", bytes)
            let report = validate(path)
            if !report.isValid { broken += 1 }
            for finding in report.diagnostics {
                #expect(finding.file == path && finding.line >= 0 && finding.column >= 0, "\(round): \(finding.headline)")
                #expect(!finding.message.isEmpty && !finding.hint.isEmpty, "\(round): \(finding.headline)")
            }
        }
        #expect(broken >= 30, "most corruptions must be found (\(broken) of 40)")
    }

    @Test func xmlThatIsNotTEI() throws {
        let report = validate(Repository.fixture("not-tei.xml"))
        #expect(report.diagnostics.map(\.code) == ["SO004"])
    }

    @Test func anEmptyFile() throws {
        let report = validate(Repository.fixture("empty.xml"))
        #expect(report.diagnostics.map(\.code) == ["SO001"])
        #expect(report.diagnostics.first?.message == "the file is empty")
    }

    @Test func aDirectoryWithNonXMLFilesSkipsThemAndReadsTheRest() throws {
        try Data("not xml".utf8).write(to: URL(fileURLWithPath: directory.file("notes.txt")))
        try Data([0, 1, 2, 255]).write(to: URL(fileURLWithPath: directory.file("image.png")))
        try Data([0, 1, 2, 255]).write(to: URL(fileURLWithPath: directory.file("binary.xml")))
        try FileManager.default.copyItem(atPath: Repository.fixture("minimal.tei.xml"), toPath: directory.file("good.xml"))
        let inputs = InputFiles.expand([directory.path])
        #expect(inputs.files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["binary.xml", "good.xml"])
        #expect(inputs.skipped == 2)
        let reports = Validator().validate(files: inputs.files)
        #expect(reports[0].diagnostics.first?.code == "SO001")
        #expect(reports[1].diagnostics.isEmpty)
        #expect(InputFiles.expand([directory.file("missing.xml")]).unreadable.map(\.path) == [directory.file("missing.xml")])
    }
}
