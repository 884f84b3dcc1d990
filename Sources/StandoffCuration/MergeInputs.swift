import Foundation
import StandoffModel
import StandoffTEI

/// Where `merge` finds the annotators' work: one file each, one file with several annotators
/// (told apart by `resp`), or one directory each (documents paired by their text, one gold file
/// per text). Directories are planned first and each text read only when it is merged, so that
/// memory holds one text's annotations at a time.
public enum MergeInputs {
    public static func load(_ path: String) throws(CurationProblem) -> Document {
        do throws(TEIReadError) { return try TEIReader.load(path: path) } catch {
            throw CurationProblem("\(path) cannot be read", hint: "`standoff validate \(path)` explains", file: path, readError: error)
        }
    }

    /// One file per annotator. Each is named by the one annotator its annotations' `resp` names,
    /// when every file has one and they differ; otherwise after its file (`alice.tei.xml`: alice).
    public static func files(_ paths: [String]) throws(CurationProblem) -> [MergeInput] {
        try refuseRepeats(paths, what: "file")
        var documents: [Document] = []
        for path in paths { documents.append(try load(path)) }
        let resps = documents.map { document in Set(document.annotations.compactMap(\.provenance.annotator)) }
        let own = resps.map { $0.count == 1 ? $0.first : nil }
        let named: [Annotator]
        if own.allSatisfy({ $0 != nil }), Set(own.compactMap { $0 }).count == paths.count {
            named = zip(own, documents).map { id, document in document.annotator(id!) ?? Annotator(id: id!, name: id!.rawValue) }
        } else {
            named = names(paths.map { URL(fileURLWithPath: $0).deletingPathExtension().deletingPathExtension().lastPathComponent })
                .map { Annotator(id: $0, name: $0.rawValue) }
        }
        return zip(named, zip(paths, documents)).map { MergeInput(annotator: $0, file: $1.0, document: $1.1) }
    }

    /// One file; each annotator's annotations are those whose `resp` names them.
    public static func oneFile(_ path: String, annotators: [String]) throws(CurationProblem) -> [MergeInput] {
        let document = try load(path)
        var inputs: [MergeInput] = []
        for name in annotators {
            guard let id = try? Identifier(name), let annotator = document.annotator(id) else {
                throw CurationProblem("\(path) declares no annotator '\(name)'", hint: "its annotators: \(document.annotators.map(\.id.rawValue).joined(separator: ", "))", file: path, isUsage: true)
            }
            if inputs.contains(where: { $0.annotator.id == id }) {
                throw CurationProblem("--annotators names '\(name)' twice", hint: "name each annotator once", isUsage: true)
            }
            inputs.append(MergeInput(annotator: annotator, file: path, document: document, annotations: document.annotations.filter { $0.provenance.annotator == id }))
        }
        return inputs
    }

    /// One text of a corpus merge: the file of each annotator who has it (by position in the
    /// directories), and the name of the gold file (the first annotator's file's name).
    public struct PlannedText: Sendable {
        public var files: [(annotator: Int, path: String)]
        public var outputName: String
    }

    /// The texts of one directory per annotator, paired by the SHA-256 of their text, with the
    /// texts only some annotators have listed apart. Each file is read once here, and let go.
    public static func plan(directories: [String]) throws(CurationProblem) -> (annotators: [Annotator], texts: [PlannedText], unpaired: [String]) {
        try refuseRepeats(directories, what: "directory")
        let annotators = names(directories.map { URL(fileURLWithPath: $0).lastPathComponent }).map { Annotator(id: $0, name: $0.rawValue) }
        var byText: [String: PlannedText] = [:]
        var order: [String] = []
        for (index, directory) in directories.enumerated() {
            let found = CorpusSearch.xmlFiles(in: directory)
            if let unreadable = found.unreadable.first {
                throw CurationProblem("\(unreadable.path) cannot be read: \(unreadable.reason)", hint: "give directories whose files can be read", file: unreadable.path)
            }
            guard !found.files.isEmpty else {
                throw CurationProblem("\(directory) holds no *.xml files: annotator '\(annotators[index].id)' has no documents", hint: "give one directory of TEI files per annotator", isUsage: true)
            }
            var seen: [String: String] = [:]
            for file in found.files {
                let hash = try textHash(file)
                if let earlier = seen[hash] {
                    throw CurationProblem("\(earlier) and \(file) annotate the same text: annotator '\(annotators[index].id)' has two versions of one document",
                                          hint: "keep one file per text in each annotator's directory")
                }
                seen[hash] = file
                if byText[hash] == nil {
                    byText[hash] = PlannedText(files: [], outputName: URL(fileURLWithPath: file).lastPathComponent)
                    order.append(hash)
                }
                byText[hash]!.files.append((index, file))
            }
        }
        let texts = order.map { byText[$0]! }
        return (annotators, texts.filter { $0.files.count >= 2 }, texts.filter { $0.files.count < 2 }.flatMap { $0.files.map(\.path) })
    }

    /// The SHA-256 of a file's text, read as the reader streams it (its annotations are checked
    /// and let go, not collected): planning a corpus costs a parse, not a document per file.
    static func textHash(_ path: String) throws(CurationProblem) -> String {
        final class TextOnly: TEIAnnotationConsumer {
            var hash: String?
            func begin(with declarations: Document, expecting count: Int) { hash = declarations.text.sha256 }
            func consume(_ record: AnnotationRecord) {}
            func end() {}
        }
        let consumer = TextOnly()
        let result = TEIReader.stream(path: path, into: consumer)
        guard result.problems.isEmpty, let hash = consumer.hash else {
            throw CurationProblem("\(path) cannot be read", hint: "`standoff validate \(path)` explains", file: path,
                                  readError: result.problems.isEmpty ? nil : TEIReadError(problems: result.problems))
        }
        return hash
    }

    /// Valid, distinct annotator ids made from names (`alice`, `2nd pass`: `a-2nd-pass`; a second `alice`: `alice-2`).
    static func names(_ raw: [String]) -> [Identifier] {
        var seen: [String: Int] = [:]
        return raw.map { name in
            var cleaned = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "-" })
            if cleaned.isEmpty || !(cleaned.first!.isLetter || cleaned.first! == "_") { cleaned = "a-" + cleaned }
            seen[cleaned, default: 0] += 1
            let unique = seen[cleaned]! == 1 ? cleaned : "\(cleaned)-\(seen[cleaned]!)"
            return (try? Identifier(unique)) ?? Identifier(stringLiteral: "annotator-\(seen.count)")
        }
    }

    /// Refuses the same file or directory given twice: an annotator merged with itself always agrees.
    static func refuseRepeats(_ paths: [String], what: String) throws(CurationProblem) {
        if let (earlier, path) = CorpusSearch.firstRepeat(in: paths) {
            throw CurationProblem(earlier == path ? "\(path) is given twice" : "\(earlier) and \(path) are the same \(what)",
                                  hint: "give each annotator's work once", isUsage: true)
        }
    }
}
