import ArgumentParser
import Foundation
import StandoffFiles
import StandoffModel
import StandoffTEI

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a TEI document from a UTF-8 text file (one paragraph per line).",
        discussion: """
            The text is kept byte for byte: its lines become <p xml:id="p1">, <p xml:id="p2">, … and joined \
            with newlines they give back the file. The header records the file name and its SHA-256 and \
            declares the default taxonomies of the four layers.

            Example:
              standoff init seeds/north-korea-diplomacy.txt -o article.tei.xml --title "Trump and Kim" --lang en
            """
    )

    @Argument(help: "The UTF-8 text file to annotate.", completion: .file())
    var textFile: String

    @Option(name: .shortAndLong, help: "The TEI file to create.")
    var output: String

    @Option(help: "The document title (default: the text file's name).")
    var title: String?

    @Option(help: "The BCP 47 language tag of the text.")
    var lang: String = "en"

    @Option(help: "The document id (default: derived from the file name).")
    var id: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func validate() throws {
        try OptionText.check(title, option: "--title")
        try OptionText.check(id, option: "--id")
        try OptionText.check(lang, option: "--lang")
        guard LanguageTag.isWellFormed(lang) else {
            throw ValidationError("--lang '\(lang)' is not a BCP 47 language tag; give one such as en, en-GB, de-CH or zh-Hant")
        }
    }

    func run() throws {
        let fileManager = FileManager.default
        try DocumentFile.checkNewFile(output, reading: [(textFile, "the text file")], force: force)
        do throws(FileWriteError) { _ = try AtomicFile.writableTarget(output) } catch { throw CLIError(error) }
        guard let data = fileManager.contents(atPath: textFile) else {
            throw CLIError.unreadable(textFile)
        }
        let string = try TextFileDecoder.decode(Array(data), file: textFile)
        let stem = URL(fileURLWithPath: textFile).deletingPathExtension().lastPathComponent
        var documentID = try DocumentFile.model(output) { () throws(ModelError) in try Identifier(id ?? TextFileDecoder.identifier(from: stem)) }
        if id == nil { documentID = DocumentName.free(documentID, madeFrom: textFile) }
        let text = SourceText(string)
        let fileName = URL(fileURLWithPath: textFile).lastPathComponent
        var document = try DocumentFile.model(output) { () throws(ModelError) in
            try Document(id: documentID, title: title ?? stem, language: lang, text: text,
                         source: SourceDescription(fileName: fileName, sha256: text.sha256))
        }
        document.revisions.append(Revision(time: try Clock.now(), who: nil, description: "Created from \(fileName) by standoff init."))
        try DocumentFile.create(document, at: output, force: force)
        let paragraphs = text.paragraphs.count
        print("created \(output): \(paragraphs) paragraph\(paragraphs == 1 ? "" : "s"), \(text.count) code point\(text.count == 1 ? "" : "s"), sha256 \(text.sha256.prefix(12))…")
    }
}

/// Checks that a text file can be stored in XML: valid UTF-8, no control characters.
enum TextFileDecoder {
    static func decode(_ bytes: [UInt8], file: String) throws(CLIError) -> String {
        guard let string = String(validating: bytes, as: UTF8.self) else {
            let (offset, line, column) = firstInvalidUTF8(bytes)
            throw CLIError("\(file):\(line):\(column): invalid UTF-8 at byte \(offset)", hint: "convert the file to UTF-8, e.g. `iconv -f LATIN1 -t UTF-8`")
        }
        var line = 1
        var column = 1
        for scalar in string.unicodeScalars {
            if !XMLCharacters.isStorable(scalar) {
                throw CLIError("\(file):\(line):\(column): \(XMLCharacters.describe(scalar)) cannot be stored in XML",
                               hint: "remove it from the text, or replace it with a space")
            }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return string
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> (offset: Int, line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            let width = byte < 0x80 ? 1 : byte >> 5 == 0x6 ? 2 : byte >> 4 == 0xE ? 3 : byte >> 3 == 0x1E ? 4 : 0
            if width == 0 || offset + width > bytes.count || String(validating: bytes[offset..<(offset + width)], as: UTF8.self) == nil {
                return (offset, line, offset - lineStart + 1)
            }
            if byte == 0x0A { line += 1; lineStart = offset + 1 }
            offset += width
        }
        return (offset, line, offset - lineStart + 1)
    }

    /// A valid id from a file name: letters, digits and '-' kept, anything else turned into '-'.
    static func identifier(from stem: String) -> String {
        var result = String(stem.unicodeScalars.map { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == "." ? Character(scalar) : "-"
        })
        if let first = result.unicodeScalars.first, !(first.properties.isAlphabetic || first == "_") { result = "d-" + result }
        return result.isEmpty ? "document" : result
    }
}
