import Foundation
import StandoffModel
import StandoffTEI

/// What `agree` compares, gathered from the three ways annotators' work arrives: one file each,
/// one directory each (documents paired by their text), or one file with several annotators.
public struct AgreementInputs: Sendable {
    public var annotators: [String]
    public var texts: [AnnotatedText]
    /// Documents that only some annotators have: annotator → document names (listed, not compared).
    public var unpaired: [String: [String]] = [:]

    public init(annotators: [String], texts: [AnnotatedText], unpaired: [String: [String]] = [:]) {
        self.annotators = annotators
        self.texts = texts
        self.unpaired = unpaired
    }

    /// Why the inputs cannot be compared.
    public struct Problem: Error, CustomStringConvertible {
        public var message: String
        public var hint: String
        /// A file that could not be read, with the reader's problems.
        public var readError: (file: String, error: TEIReadError)?
        /// The arguments are wrong (exit 2), not the data (exit 1).
        public var isUsage = false
        public var description: String { message }

        public init(message: String, hint: String, readError: (file: String, error: TEIReadError)? = nil, isUsage: Bool = false) {
            self.message = message
            self.hint = hint
            self.readError = readError
            self.isUsage = isUsage
        }
    }

    /// Every layer an annotator used in a compared text, sorted.
    public var usedLayers: [String] {
        Set(texts.flatMap { $0.annotations.values.flatMap { $0.map(\.layer.name) } }).sorted()
    }

    /// Refuses a `--layer` that no compared annotation is in and that is not built in (a typo
    /// would otherwise print empty tables), suggesting the closest known layer.
    public func checkLayers(_ asked: [String]) throws {
        let known = Set(Layer.builtIn.map(\.name) + usedLayers)
        for layer in asked where !known.contains(layer) {
            // A plural is the commonest slip ("entities", "errors").
            let singular = layer.hasSuffix("ies") ? String(layer.dropLast(3)) + "y" : layer.hasSuffix("s") ? String(layer.dropLast()) : layer
            let suggestion = known.contains(singular) ? singular : NameSuggestion.closest(to: layer, preferring: Layer.builtIn.map(\.name), among: known)
            throw Problem(message: "no compared annotation is in a layer '\(layer)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                          hint: "the layers: \(known.sorted().joined(separator: ", "))", isUsage: true)
        }
    }

    static func load(_ path: String) throws -> Document {
        do throws(TEIReadError) { return try TEIReader.load(path: path) } catch {
            throw Problem(message: "\(path) cannot be read", hint: "`standoff validate \(path)` explains", readError: (path, error))
        }
    }

    /// One file per annotator, all annotating the same text: named after their files.
    public static func files(_ paths: [String]) throws -> AgreementInputs {
        try refuseRepeats(paths, what: "file")
        return try documents(zip(paths, try paths.map(load)).map { ($0, $1) })
    }

    /// Documents already read, one per annotator, all annotating the same text (`file` names
    /// each in messages and, without its extensions, its annotator).
    public static func documents(_ read: [(file: String, document: Document)]) throws -> AgreementInputs {
        guard let first = read.first?.document else { return AgreementInputs(annotators: [], texts: []) }
        for (file, document) in read.dropFirst() where document.text != first.text {
            let differing = zip(first.text.paragraphs.indices, document.text.paragraphs.indices).first { first.text.paragraphText($0) != document.text.paragraphText($1) }?.0
            throw Problem(
                message: "\(read[0].file) and \(file) annotate different texts (SHA-256 \(first.text.sha256.prefix(16))… and \(document.text.sha256.prefix(16))…)"
                    + (differing.map { "; they first differ in paragraph \($0 + 1)" } ?? "; one has more paragraphs"),
                hint: "agreement compares annotations of one text: give files made from the same text")
        }
        let names = annotatorNames(read.map(\.file))
        var annotations: [String: [Annotation]] = [:]
        for (name, entry) in zip(names, read) { annotations[name] = entry.document.annotations }
        return AgreementInputs(annotators: names, texts: [AnnotatedText(name: first.id.rawValue, text: first.text, annotations: annotations)])
    }

    /// The annotators of files: each named after its file, without extensions (`alice.tei.xml`: alice).
    public static func annotatorNames(_ files: [String]) -> [String] {
        uniqueNames(files.map { URL(fileURLWithPath: $0).deletingPathExtension().deletingPathExtension().lastPathComponent })
    }

    /// One directory per annotator; documents paired by the SHA-256 of their text. Each
    /// directory is searched as ``CorpusSearch`` does (links followed); a directory with no
    /// documents, one that cannot be read, or one holding two files of the same text (which of
    /// them is this annotator's?) stops the comparison naming them.
    public static func directories(_ paths: [String]) throws -> AgreementInputs {
        try refuseRepeats(paths, what: "directory")
        let names = uniqueNames(paths.map { URL(fileURLWithPath: $0).lastPathComponent })
        var byText: [String: (name: String, text: SourceText, annotations: [String: [Annotation]])] = [:]
        var order: [String] = []
        for (name, directory) in zip(names, paths) {
            let found = CorpusSearch.xmlFiles(in: directory)
            if let unreadable = found.unreadable.first {
                throw Problem(message: "\(unreadable.path) cannot be read: \(unreadable.reason)",
                              hint: "give directories whose files and subdirectories can be read")
            }
            guard !found.files.isEmpty else {
                throw Problem(message: "\(directory) holds no *.xml files: annotator '\(name)' has no documents",
                              hint: "give one directory of TEI files per annotator")
            }
            var fileOfText: [String: String] = [:]
            for file in found.files {
                let document = try load(file)
                let hash = document.text.sha256
                if let earlier = fileOfText[hash] {
                    throw Problem(message: "\(earlier) and \(file) annotate the same text: annotator '\(name)' has two versions of one document",
                                  hint: "keep one file per text in each annotator's directory (move the other out)")
                }
                fileOfText[hash] = file
                if byText[hash] == nil { byText[hash] = (document.id.rawValue, document.text, [:]); order.append(hash) }
                byText[hash]!.annotations[name] = document.annotations
            }
        }
        var inputs = AgreementInputs(annotators: names, texts: [])
        for hash in order {
            let entry = byText[hash]!
            if entry.annotations.count >= 2 {
                inputs.texts.append(AnnotatedText(name: entry.name, text: entry.text, annotations: entry.annotations))
            }
            if entry.annotations.count < names.count {
                for name in names where entry.annotations[name] == nil { inputs.unpaired[name, default: []].append(entry.name) }
            }
        }
        guard !inputs.texts.isEmpty else {
            throw Problem(message: "no text is annotated by two of the annotators: nothing to compare",
                          hint: "agreement pairs documents by their text; give directories holding files made from the same texts")
        }
        return inputs
    }

    /// Refuses the same file or directory given twice: an annotator compared with itself agrees perfectly.
    static func refuseRepeats(_ paths: [String], what: String) throws {
        if let (earlier, path) = CorpusSearch.firstRepeat(in: paths) {
            throw Problem(message: earlier == path ? "\(path) is given twice" : "\(earlier) and \(path) are the same \(what)",
                          hint: "give each annotator's work once: an annotator compared with itself always agrees", isUsage: true)
        }
    }

    /// One file; each annotator's annotations are those whose `resp` names them.
    public static func oneFile(_ path: String, annotators: [String]) throws -> AgreementInputs {
        if let repeated = annotators.enumerated().first(where: { annotators[..<$0.offset].contains($0.element) })?.element {
            throw Problem(message: "--annotators names '\(repeated)' twice", hint: "name each annotator once: an annotator compared with itself always agrees",
                          isUsage: true)
        }
        let document = try load(path)
        var annotations: [String: [Annotation]] = [:]
        for name in annotators {
            guard let id = try? Identifier(name), document.annotator(id) != nil else {
                throw Problem(message: "\(path) declares no annotator '\(name)'",
                              hint: "its annotators: \(document.annotators.map(\.id.rawValue).joined(separator: ", "))")
            }
            annotations[name] = document.annotations.filter { $0.provenance.annotator == id }
        }
        return AgreementInputs(annotators: annotators, texts: [AnnotatedText(name: document.id.rawValue, text: document.text, annotations: annotations)])
    }

    /// `a`, `b`, and `a-2` for a second `a`.
    static func uniqueNames(_ names: [String]) -> [String] {
        var seen: [String: Int] = [:]
        return names.map { name in
            seen[name, default: 0] += 1
            return seen[name]! == 1 ? name : "\(name)-\(seen[name]!)"
        }
    }
}
