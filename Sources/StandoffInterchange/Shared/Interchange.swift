import Foundation
import StandoffModel

/// A format `standoff export` writes: its name, what it does with each field, the file it
/// writes beside the main one (if any), and the conversion. The CLI lists, checks and runs
/// exports through ``Interchange/exporters`` alone.
public struct Exporter: Sendable {
    /// The file a format writes beside the one `-o` names: brat's text, XMI's type system.
    public struct Companion: Sendable {
        /// The suffix `-o` must have, the companion's path being made from it.
        public let outputSuffix: String
        public let path: @Sendable (String) -> String
        /// Said when `-o` is missing or has another suffix.
        public let explanation: String
    }

    public let name: String
    public let fields: any FieldTable.Type
    public let companion: Companion?
    /// The options of `standoff export` only some formats read.
    public enum Option: String, Sendable { case scheme = "--scheme", layer = "--layer" }
    public let options: Set<Option>
    let convert: @Sendable (Document, ExportOptions) throws(XMLWriteError) -> Export
    /// For a format written from the annotations one at a time (as `TEIReader.stream` gives
    /// them), the export to feed, made from the file's declarations; nil for the others.
    public let streaming: (@Sendable (Document, ExportOptions) -> any StreamingExport)?

    init(name: String, fields: any FieldTable.Type, companion: Companion?, options: Set<Option>,
         streaming: (@Sendable (Document, ExportOptions) -> any StreamingExport)? = nil,
         convert: @escaping @Sendable (Document, ExportOptions) throws(XMLWriteError) -> Export) {
        self.name = name
        self.fields = fields
        self.companion = companion
        self.options = options
        self.streaming = streaming
        self.convert = convert
    }

    /// The conversion: the main file's bytes, the companion's, and what could not be carried.
    public func export(_ document: Document, options: ExportOptions = ExportOptions()) throws(XMLWriteError) -> Export {
        try convert(document, options)
    }
}

/// Options only some formats read (docs/FORMATS.md).
public struct ExportOptions: Sendable {
    /// conll: the layer tagged (one a file).
    public var layer: Layer
    /// conll: the tagging scheme.
    public var scheme: CoNLL.Scheme

    public init(layer: Layer = .entity, scheme: CoNLL.Scheme = .bio) {
        self.layer = layer
        self.scheme = scheme
    }
}

/// What an export made: the bytes of its files and its losses.
public struct Export: Sendable {
    public var content: [UInt8]
    public var companion: [UInt8]?
    public var losses: Losses
}

/// A format `standoff import` reads.
public struct Importer: Sendable {
    /// Where its text comes from.
    public enum Text: Sendable, Equatable {
        /// The file holds its text (JSON Lines, XMI, TEI).
        case inTheFile
        /// A text file beside it (brat's `NAME.txt`) or named with `--text`.
        case besideOrGiven
        /// A text file named with `--text` (W3C annotations point at their text).
        case given
    }

    public let name: String
    public let text: Text
    /// Whether the format may hold several documents in one file (each becomes a TEI file).
    public let severalDocuments: Bool
    /// Whether the importer parses the file from its path (the XML formats, streamed through
    /// libxml2) rather than from ``ImportRequest/data``, so that it cannot read standard input.
    public let readsPath: Bool
    /// The options of `standoff import` only some formats read.
    public enum Option: String, Sendable { case lossy = "--lossy", view = "--view" }
    public let options: Set<Option>
    let convert: @Sendable (ImportRequest) throws(ImportError) -> (documents: [Document], losses: Losses)

    public func read(_ request: ImportRequest) throws(ImportError) -> (documents: [Document], losses: Losses) {
        try convert(request)
    }
}

/// What an import reads: the file, its text when the format keeps it apart, and the choices.
public struct ImportRequest: Sendable {
    public var path: String
    /// The file's bytes; empty for importers that read the path (``Importer/readsPath``).
    public var data: Data
    /// The text, for formats whose text is apart (``Importer/Text``).
    public var text: String?
    /// The document's id, for formats whose file is one document.
    public var id: String
    /// Go on past what Standoff cannot hold, counting it (brat, XMI).
    public var lossy: Bool
    /// xmi: the view (sofa) imported.
    public var view: String?

    public init(path: String, data: Data, text: String? = nil, id: String, lossy: Bool = false, view: String? = nil) {
        (self.path, self.data, self.text, self.id, self.lossy, self.view) = (path, data, text, id, lossy, view)
    }
}

/// Every format Standoff exports and imports, registered once: the CLI, the field matrix in
/// docs/FORMATS.md and the tests read these lists.
public enum Interchange {
    public static let exporters: [Exporter] = [
        Exporter(name: "brat", fields: Brat.self, companion: Exporter.Companion(
            outputSuffix: ".ann", path: { String($0.dropLast(4)) + ".txt" },
            explanation: "brat writes two files: give -o NAME.ann (NAME.txt is written beside it)"), options: [],
            streaming: { declarations, _ in Brat.Stream(declarations: declarations) }
        ) { document, _ in
            let (files, losses) = Brat.export(document)
            return Export(content: Array(files.annotations.utf8), companion: Array(files.text.utf8), losses: losses)
        },
        Exporter(name: "jsonl", fields: JSONLines.self, companion: nil, options: [], streaming: { declarations, _ in
            JSONLines.Stream(declarations: declarations)
        }) { document, _ in
            let (line, losses) = JSONLines.export(document)
            return Export(content: Array((line + "\n").utf8), losses: losses)
        },
        Exporter(name: "w3c", fields: WebAnnotation.self, companion: nil, options: [], streaming: { declarations, _ in
            WebAnnotation.Stream(declarations: declarations)
        }) { document, _ in
            let (json, losses) = WebAnnotation.export(document)
            return Export(content: Array((json + "\n").utf8), losses: losses)
        },
        Exporter(name: "conll", fields: CoNLL.self, companion: nil, options: [.scheme, .layer], streaming: { declarations, options in
            CoNLL.Tagger(declarations: declarations, layer: options.layer, scheme: options.scheme)
        }) { document, options in
            let (text, losses) = CoNLL.export(document, layer: options.layer, scheme: options.scheme)
            return Export(content: Array(text.utf8), losses: losses)
        },
        Exporter(name: "xmi", fields: XMI.self, companion: Exporter.Companion(
            outputSuffix: ".xmi", path: { URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("TypeSystem.xml").path },
            explanation: "xmi writes two files: give -o NAME.xmi (TypeSystem.xml is written beside it)"), options: []
        ) { (document, _) throws(XMLWriteError) in
            let (xmi, losses) = try XMI.export(document)
            return Export(content: xmi, companion: try XMI.typeSystem(), losses: losses)
        },
        Exporter(name: "folia", fields: FoLiA.self, companion: nil, options: []) { (document, _) throws(XMLWriteError) in
            let (xml, losses) = try FoLiA.export(document)
            return Export(content: xml, losses: losses)
        },
        Exporter(name: "tei-inline", fields: InlineTEI.self, companion: nil, options: []) { (document, _) throws(XMLWriteError) in
            let (xml, losses) = try InlineTEI.export(document)
            return Export(content: xml, losses: losses)
        },
    ]

    public static let importers: [Importer] = [
        Importer(name: "brat", text: .besideOrGiven, severalDocuments: false, readsPath: false, options: [.lossy]) { (request) throws(ImportError) in
            let (document, losses) = try Brat.importDocument(annotations: String(decoding: request.data, as: UTF8.self), text: request.text ?? "",
                                                             id: request.id, file: request.path, lossy: request.lossy)
            return ([document], losses)
        },
        Importer(name: "jsonl", text: .inTheFile, severalDocuments: true, readsPath: false, options: []) { (request) throws(ImportError) in
            try JSONLines.importDocuments(request.data, file: request.path, name: request.id)
        },
        Importer(name: "w3c", text: .given, severalDocuments: false, readsPath: false, options: []) { (request) throws(ImportError) in
            let (document, losses) = try WebAnnotation.importDocument(request.data, text: request.text ?? "", id: request.id, file: request.path)
            return ([document], losses)
        },
        Importer(name: "xmi", text: .inTheFile, severalDocuments: false, readsPath: true, options: [.lossy, .view]) { (request) throws(ImportError) in
            let (document, losses) = try XMI.importDocument(path: request.path, id: request.id, lossy: request.lossy, view: request.view)
            return ([document], losses)
        },
        Importer(name: "tei-inline", text: .inTheFile, severalDocuments: false, readsPath: true, options: []) { (request) throws(ImportError) in
            let (document, losses) = try InlineTEI.importDocument(path: request.path, id: request.id)
            return ([document], losses)
        },
    ]

    public static func exporter(named name: String) -> Exporter? { exporters.first { $0.name == name } }
    public static func importer(named name: String) -> Importer? { importers.first { $0.name == name } }
}
