import Foundation
import StandoffFiles
import StandoffModel
import StandoffTEI
import Testing
import TestSupport

/// The editing commands never lose an annotation, never write a file `validate` rejects, and
/// touch only the regular file they were given.
@Suite("Safe editing")
struct SafeEditingTests {
    let directory = TemporaryDirectory()
    var file: String { directory.file("doc.tei.xml") }

    func initSeed(_ path: String? = nil) throws {
        let result = try CLI.run(["init", Repository.seed, "-o", path ?? file])
        #expect(result.status == 0, "\(result.stderr)")
    }

    func annotationCount(_ path: String) throws -> Int { try TEIReader.load(path: path).annotations.count }

    @Test(.timeLimit(.minutes(2)))
    func editsStartedAtOnceAreAllKept() async throws {
        try initSeed()
        let file = file
        let results = try await withThrowingTaskGroup(of: CommandResult.self) { group in
            for index in 0..<20 {
                group.addTask {
                    try CLI.run(["add", "entity", file, "--range", "\(index * 4):\(index * 4 + 3)", "--category", "MISC"])
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0.status == 0 }, "\(results.map(\.stderr))")
        let ids = results.map { $0.stdout.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(Set(ids).count == 20, "ids collided: \(ids.sorted())")
        let document = try TEIReader.load(path: file)
        #expect(document.annotations.count == 20)
        #expect(Set(document.annotations.map(\.id.rawValue)) == Set(ids))
    }

    @Test(.timeLimit(.minutes(2)))
    func commandsCreatingOneFileAtOnceNeverBothSucceed() async throws {
        // Without --force a new file is published by a link, which fails if another command
        // made it meanwhile: of ten imports and ten inits into one name, one each succeeds.
        let ann = directory.file("race.ann")
        try "T1\tPER 0 3\tKim\n".write(toFile: ann, atomically: true, encoding: .utf8)
        try "Kim met Trump.\n".write(toFile: directory.file("race.txt"), atomically: true, encoding: .utf8)
        for command in [["import", ann, "--from", "brat", "-o", directory.file("imported.tei.xml")],
                        ["init", Repository.seed, "-o", directory.file("made.tei.xml")]] {
            let results = try await withThrowingTaskGroup(of: CommandResult.self) { group in
                for _ in 0..<10 { group.addTask { try CLI.run(command) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.filter { $0.status == 0 }.count == 1, "\(results.map(\.stderr))")
            #expect(results.filter { $0.status != 0 }.allSatisfy { $0.status == 1 && $0.stderr.contains("already exists") })
        }
        #expect(try annotationCount(directory.file("imported.tei.xml")) == 1)
        #expect(directory.contents.filter { $0.contains(".tmp-") }.isEmpty, "no temporary file is left")
    }

    /// `init --force` and `import --force` replace a file under its edit lock: while another
    /// command edits it, they wait (and give up, writing nothing), so the edit cannot write its
    /// older version over theirs afterwards.
    @Test func replacingWithForceTakesTheEditLock() throws {
        try initSeed()
        #expect(try CLI.run(["add", "entity", file, "--range", "0:3", "--category", "MISC"]).status == 0)
        let lock = try #require(try EditLock.acquire(file, timeout: 1))
        let reinit = try CLI.run(["init", Repository.seed, "-o", file, "--force"], environment: ["STANDOFF_LOCK_TIMEOUT": "0.3"])
        #expect(reinit.status == 1 && reinit.stderr.contains("another standoff command has been editing the file"), "\(reinit.stderr)")
        let ann = directory.file("seed.ann")
        try "T1\tPER 0 3\tTo \n".write(toFile: ann, atomically: true, encoding: .utf8)
        let imported = try CLI.run(["import", ann, "--from", "brat", "--text", Repository.seed, "-o", file, "--force"], environment: ["STANDOFF_LOCK_TIMEOUT": "0.3"])
        #expect(imported.status == 1 && imported.stderr.contains("another standoff command has been editing the file"), "\(imported.stderr)")
        #expect(try annotationCount(file) == 1, "the file is as the edit left it")
        lock.release()
        #expect(try CLI.run(["init", Repository.seed, "-o", file, "--force"]).status == 0)
        #expect(try annotationCount(file) == 0)
    }

    @Test func anEditWaitsForTheLockAndGivesUpWithAClearMessage() throws {
        try initSeed()
        let lock = try #require(try EditLock.acquire(file, timeout: 1))
        let blocked = try CLI.run(["add", "entity", file, "--range", "0:3", "--category", "MISC"], environment: ["STANDOFF_LOCK_TIMEOUT": "0.3"])
        #expect(blocked.status == 1)
        #expect(blocked.stderr.contains("another standoff command has been editing the file"), "\(blocked.stderr)")
        #expect(try annotationCount(file) == 0)
        lock.release()
        #expect(try CLI.run(["add", "entity", file, "--range", "0:3", "--category", "MISC"]).status == 0)
        #expect(try annotationCount(file) == 1)
    }

    @Test(arguments: [
        ["add", "entity", "FILE", "--range", "0:3", "--category", "MISC", "--note", "a\u{1}b"],
        ["add", "error", "FILE", "--range", "0:3", "--category", "spelling", "--correction", "x\u{7}"],
        ["add", "entity", "FILE", "--range", "0:3", "--category", "MISC", "--feature", "k=v\u{1F}"],
        ["add", "entity", "FILE", "--range", "0:3", "--category", "MISC", "--annotator", "bob", "--annotator-name", "Bob\u{1B}"],
        ["register", "add", "person", "FILE", "--id", "x", "--name", "X\u{FFFE}"],
        ["register", "add", "person", "FILE", "--id", "x", "--name", "X", "--alias", "\u{2}"],
        ["taxonomy", "add", "FILE", "topic", "t1", "--description", "d\u{FFFF}"],
    ])
    func optionValuesXMLCannotHoldAreRefusedBeforeAnythingIsWritten(arguments: [String]) throws {
        try initSeed()
        let before = Repository.read(file)
        let result = try CLI.run(arguments.map { $0 == "FILE" ? file : $0 })
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("which XML cannot store"), "\(result.stderr)")
        #expect(Repository.read(file) == before)
        #expect(try CLI.run(["validate", file]).status == 0)
    }

    @Test func initRefusesATitleOrLanguageXMLCannotHold() throws {
        for option in ["--title", "--lang"] {
            let result = try CLI.run(["init", Repository.seed, "-o", file, option, "a\u{1}"])
            #expect(result.status == 2)
            #expect(result.stderr.contains("\(option) holds the control character U+0001 at character 2"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: file))
        }
    }

    @Test func theWriterRefusesACharacterXMLCannotHold() throws {
        var document = try TEIReader.load(path: Repository.fixture("minimal.tei.xml"))
        document.title = "bad\u{1}title"
        let path = directory.file("bad.tei.xml")
        #expect { try TEIWriter.write(document, to: path) } throws: { error in
            "\(error)".contains("U+0001") && "\(error)".contains("nothing was written")
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func writingThroughASymlinkChangesTheFileItNamesAndKeepsTheLink() throws {
        try initSeed()
        let link = directory.file("link.tei.xml")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "doc.tei.xml")
        let result = try CLI.run(["add", "entity", link, "--range", "0:3", "--category", "MISC"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "doc.tei.xml")
        #expect(try annotationCount(file) == 1)
    }

    @Test func aDanglingSymlinkIsRefused() throws {
        try initSeed()
        let link = directory.file("dangling.tei.xml")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "nowhere.tei.xml")
        let result = try CLI.run(["init", Repository.seed, "-o", link, "--force"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("symbolic link to a file that does not exist"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.file("nowhere.tei.xml")))
    }

    @Test func specialFilesAreNeverReplaced() throws {
        let fifo = directory.file("pipe.tei.xml")
        #expect(mkfifo(fifo, 0o644) == 0)
        let result = try CLI.run(["init", Repository.seed, "-o", fifo, "--force"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is a named pipe (FIFO), not a regular file"), "\(result.stderr)")
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        // A device: /dev/null is refused before anything happens (and as root it would have been replaced).
        let device = try CLI.run(["init", Repository.seed, "-o", "/dev/null", "--force"])
        #expect(device.status == 1)
        #expect(device.stderr.contains("is a character device"), "\(device.stderr)")
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        let directoryTarget = try CLI.run(["init", Repository.seed, "-o", directory.path, "--force"])
        #expect(directoryTarget.status == 1)
        #expect(directoryTarget.stderr.contains("is a directory"), "\(directoryTarget.stderr)")
    }

    @Test func aReadOnlyFileIsNotChanged() throws {
        try initSeed()
        #expect(chmod(file, 0o444) == 0)
        let before = Repository.read(file)
        let result = try CLI.run(["add", "entity", file, "--range", "0:3", "--category", "MISC"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is read-only"), "\(result.stderr)")
        #expect(Repository.read(file) == before)
        chmod(file, 0o644)
    }

    @Test func theModeOfAnEditedFileIsKeptAndNewFilesFollowTheUmask() throws {
        try initSeed()
        var info = stat()
        #expect(stat(file, &info) == 0)
        let mask = umask(0)
        umask(mask)
        #expect(info.st_mode & 0o777 == 0o666 & ~mask)
        #expect(chmod(file, 0o640) == 0)
        #expect(try CLI.run(["add", "entity", file, "--range", "0:3", "--category", "MISC"]).status == 0)
        #expect(stat(file, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o640)
        #expect(info.st_uid == getuid())
    }

    @Test func aTemporaryFileLeftByAKilledWriteIsRemovedByTheNextWrite() throws {
        try initSeed()
        // A process id that is not running: the largest one the kernel hands out, plus one.
        let limit = (try? String(contentsOfFile: "/proc/sys/kernel/pid_max", encoding: .utf8))
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 4_194_304
        let stale = directory.file(".doc.tei.xml.tmp-\(limit + 1)-AbC123")
        let live = directory.file(".doc.tei.xml.tmp-\(getpid())-XyZ789")
        let unrelated = directory.file(".other.tei.xml.tmp-\(limit + 1)-AbC123")
        for path in [stale, live, unrelated] { #expect(FileManager.default.createFile(atPath: path, contents: Data("partial".utf8))) }
        #expect(try CLI.run(["add", "entity", file, "--range", "0:3", "--category", "MISC"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: stale), "the dead writer's file is removed")
        #expect(FileManager.default.fileExists(atPath: live), "a running writer's file is left alone")
        #expect(FileManager.default.fileExists(atPath: unrelated), "another file's temporary is left alone")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".doc.tei.xml.tmp-") }
        #expect(leftovers == [URL(fileURLWithPath: live).lastPathComponent])
    }

    @Test func aWriteKilledBySignalLeavesNoTemporaryFileAndTheFileUnchanged() throws {
        try initSeed()
        let before = Repository.read(file)
        // The process's file size limit (4 KB) stops the write of the new file with SIGXFSZ,
        // deterministically, partway through: the temporary file must go with the process.
        let killed = try CLI.run(["-c", "ulimit -f 4; exec \"$0\" \"$@\"", CLI.executable,
                                  "add", "entity", file, "--range", "0:3", "--category", "MISC"], launcher: "/bin/sh")
        #expect(killed.status != 0)
        #expect(Repository.read(file) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func initRefusesToWriteOverItsOwnText() throws {
        let text = directory.file("text.txt")
        #expect(FileManager.default.createFile(atPath: text, contents: Data("one line\n".utf8)))
        let result = try CLI.run(["init", text, "-o", text, "--force"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is the text file itself"), "\(result.stderr)")
        #expect(Repository.read(text) == Array("one line\n".utf8))
    }

    @Test(arguments: [
        ["list", "MISSING"], ["show", "MISSING"], ["add", "entity", "MISSING", "--range", "0:3", "--category", "MISC"],
        ["remove", "MISSING", "ent1"], ["register", "list", "MISSING"], ["register", "add", "person", "MISSING", "--id", "x", "--name", "X"],
        ["taxonomy", "add", "MISSING", "topic", "t1"], ["init", "MISSING", "-o", "OUT"], ["validate", "MISSING"],
    ])
    func aMissingFileExitsWithTwo(arguments: [String]) throws {
        let result = try CLI.run(arguments.map { $0 == "MISSING" ? directory.file("missing.xml") : $0 == "OUT" ? file : $0 })
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect((result.stderr + result.stdout).contains("missing.xml"))
        #expect(!FileManager.default.fileExists(atPath: file))
    }

    @Test(arguments: ["3-4", "a:b", "5", "-1:3", "99999999999999999999:1"])
    func aMalformedRangeIsAUsageError(range: String) throws {
        try initSeed()
        let result = try CLI.run(["add", "entity", file, "--range=\(range)", "--category", "MISC"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("--range \(range)"), "\(result.stderr)")
    }

    @Test(arguments: [
        (["--category", "PER", "--ref", "nk"], "ref link points at 'nk', an organisation register entry, but expected a person register entry"),
        (["--category", "PER", "--ref", "p1"], "ref link points at 'p1', a paragraph"),
        (["--category", "PER", "--ref", "ORG"], "ref link points at 'ORG', a category"),
    ])
    func addRefusesLinksOfTheWrongKind(options: [String], message: String) throws {
        try initSeed()
        #expect(try CLI.run(["register", "add", "org", file, "--id", "nk", "--name", "North Korea"]).status == 0)
        let before = Repository.read(file)
        let result = try CLI.run(["add", "entity", file, "--range", "0:3"] + options)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(Repository.read(file) == before)
    }

    @Test func addRefusesAStanceHolderOrTargetOrASpeakerOfTheWrongKind() throws {
        try initSeed()
        #expect(try CLI.run(["register", "add", "person", file, "--id", "kim", "--name", "Kim"]).status == 0)
        #expect(try CLI.run(["add", "entity", file, "--range", "0:3", "--category", "PER", "--ref", "kim"]).stdout == "ent1\n")
        let holder = try CLI.run(["add", "stance", file, "--range", "4:9", "--polarity", "favor", "--holder", "ent1", "--target", "kim"])
        #expect(holder.status == 1 && holder.stderr.contains("holder link points at 'ent1', an annotation"), "\(holder.stderr)")
        let target = try CLI.run(["add", "stance", file, "--range", "4:9", "--polarity", "favor", "--holder", "kim", "--target", "p1"])
        #expect(target.status == 1 && target.stderr.contains("target link points at 'p1', a paragraph"), "\(target.stderr)")
        let speaker = try CLI.run(["add", "quotation", file, "--range", "4:9", "--category", "direct", "--speaker", "PER"])
        #expect(speaker.status == 1 && speaker.stderr.contains("speaker link points at 'PER', a category"), "\(speaker.stderr)")
        #expect(try annotationCount(file) == 1)
        #expect(try CLI.run(["validate", file]).status == 0)
    }
}
