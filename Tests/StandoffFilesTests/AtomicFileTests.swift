import Foundation
import StandoffFiles
import Testing
import TestSupport

@Suite("Atomic writes")
struct AtomicFileTests {
    @Test func replacesTheFileAndLeavesNoTemporaryFiles() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("a.tei.xml")
        try AtomicFile.replace(path, with: Array("old".utf8))
        chmod(path, 0o640)
        try AtomicFile.replace(path, with: Array("new".utf8))
        #expect(Repository.read(path) == Array("new".utf8))
        #expect(directory.contents == ["a.tei.xml"])
        var info = stat()
        stat(path, &info)
        #expect(info.st_mode & 0o777 == 0o640)
    }

    @Test func aFileWrittenInPiecesIsPutInPlaceWhole() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("out.conll")
        let pieces = (0..<50_000).map { "line \($0)\n" }
        try AtomicFile.write(path) { output in
            for piece in pieces { try output.write(piece) }
            // Half way through, the file being replaced is still absent (nothing is in place yet).
            #expect(!FileManager.default.fileExists(atPath: path))
        }
        #expect(Repository.read(path) == Array(pieces.joined().utf8))
        #expect(directory.contents == ["out.conll"])
    }

    @Test func aWriteThatThrowsLeavesTheOriginalAndNoTemporaryFile() throws {
        struct Refused: Error {}
        let directory = TemporaryDirectory()
        let path = directory.file("out.conll")
        try AtomicFile.replace(path, with: Array("original".utf8))
        #expect(throws: Refused.self) {
            try AtomicFile.write(path) { output in
                try output.write(String(repeating: "x", count: 1 << 20))
                throw Refused()
            }
        }
        #expect(Repository.read(path) == Array("original".utf8))
        #expect(directory.contents == ["out.conll"])
        #expect(throws: FileWriteError.self) { try AtomicFile.write(path, replacing: false) { try $0.write("new") } }
        #expect(Repository.read(path) == Array("original".utf8))
    }

    @Test func failsClearlyWhenTheDirectoryIsMissing() {
        #expect {
            try AtomicFile.replace("/nonexistent-dir/x.tei.xml", with: [1, 2, 3])
        } throws: { error in
            let message = (error as? FileWriteError)?.description ?? ""
            return message.contains("/nonexistent-dir") && message.contains("hint:")
        }
    }

    @Test func fileBytesReadsARegularFileWhole() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("a.txt")
        let content = Array((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try AtomicFile.replace(path, with: content)
        #expect(FileBytes.read(path) == content)
        #expect(FileBytes.read(directory.path) == nil, "a directory is no file")
        #expect(FileBytes.read(directory.file("missing")) == nil)
        try AtomicFile.replace(path, with: [])
        #expect(FileBytes.read(path) == [])
    }
}
