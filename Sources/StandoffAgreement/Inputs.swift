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
        public var description: String { message }
    }

    static func load(_ path: String) throws -> Document {
        do throws(TEIReadError) { return try TEIReader.load(path: path) } catch {
            throw Problem(message: "\(path) cannot be read", hint: "`standoff validate \(path)` explains", readError: (path, error))
        }
    }

    /// One file per annotator, all annotating the same text: named after their files.
    public static func files(_ paths: [String]) throws -> AgreementInputs {
        let documents = try paths.map(load)
        let first = documents[0]
        for (index, document) in documents.enumerated().dropFirst() where document.text != first.text {
            let differing = zip(first.text.paragraphs.indices, document.text.paragraphs.indices).first { first.text.paragraphText($0) != document.text.paragraphText($1) }?.0
            throw Problem(
                message: "\(paths[0]) and \(paths[index]) annotate different texts (SHA-256 \(first.text.sha256.prefix(16))… and \(document.text.sha256.prefix(16))…)"
                    + (differing.map { "; they first differ in paragraph \($0 + 1)" } ?? "; one has more paragraphs"),
                hint: "agreement compares annotations of one text: give files made from the same text")
        }
        let names = uniqueNames(paths.map { URL(fileURLWithPath: $0).deletingPathExtension().deletingPathExtension().lastPathComponent })
        var annotations: [String: [Annotation]] = [:]
        for (name, document) in zip(names, documents) { annotations[name] = document.annotations }
        return AgreementInputs(annotators: names, texts: [AnnotatedText(name: first.id.rawValue, text: first.text, annotations: annotations)])
    }

    /// One directory per annotator; documents paired by the SHA-256 of their text.
    public static func directories(_ paths: [String]) throws -> AgreementInputs {
        let names = uniqueNames(paths.map { URL(fileURLWithPath: $0).lastPathComponent })
        var byText: [String: (name: String, text: SourceText, annotations: [String: [Annotation]])] = [:]
        var order: [String] = []
        for (name, directory) in zip(names, paths) {
            let enumerator = FileManager.default.enumerator(atPath: directory)
            var files: [String] = []
            while let relative = enumerator?.nextObject() as? String {
                if relative.lowercased().hasSuffix(".xml") { files.append((directory as NSString).appendingPathComponent(relative)) }
            }
            for file in files.sorted() {
                let document = try load(file)
                let hash = document.text.sha256
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
        return inputs
    }

    /// One file; each annotator's annotations are those whose `resp` names them.
    public static func oneFile(_ path: String, annotators: [String]) throws -> AgreementInputs {
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
