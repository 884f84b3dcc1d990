import Foundation
import StandoffModel

/// An export written from a document's annotations given one at a time, as the reader streams
/// them: it keeps what its format needs (CoNLL: a tag a token), never the annotations, and
/// writes its file through `write` as it goes (JSON Lines) or once the last is in (CoNLL).
/// `revisions` and `preserved` are what the reader gives at the end of the file (the losses count
/// them).
public protocol StreamingExport: AnyObject {
    /// How many times the file is streamed into it (brat: twice, its `T` lines first), and the
    /// start of each pass (from 1); the order check is the first pass's.
    var passes: Int { get }
    func begin(pass: Int)
    /// The file written beside the main one (brat's text), from the declarations.
    func companion() -> [UInt8]?
    /// Takes the next annotation. False when it cannot take it in the order it comes (a format
    /// written in the model's order, from a file in another): the caller then exports the loaded
    /// document instead, and throws away what was written.
    func add(_ annotation: Annotation, write: ([UInt8]) throws -> Void) throws -> Bool
    func finish(revisions: [Revision], preserved: PreservedContent, write: ([UInt8]) throws -> Void) throws -> Losses
}

/// Why a streamed export stopped.
public enum StreamingExportError: Error, CustomStringConvertible {
    /// A second pass over the file did not find what the first found: it was replaced meanwhile.
    case fileChanged

    public var description: String {
        switch self {
        case .fileChanged: "the file changed while it was exported (another command wrote it between the two passes)"
        }
    }
}

extension StreamingExport {
    public var passes: Int { 1 }
    public func begin(pass: Int) {}
    public func companion() -> [UInt8]? { nil }
}

/// Bytes gathered for a ``StreamingExport``'s `write`, handed on 64 KiB at a time.
struct ExportBuffer {
    private(set) var bytes: [UInt8] = []

    mutating func append(_ text: String, flushingTo write: ([UInt8]) throws -> Void) rethrows {
        bytes.append(contentsOf: text.utf8)
        if bytes.count >= 1 << 16 { try flush(to: write) }
    }

    mutating func append(_ more: [UInt8], flushingTo write: ([UInt8]) throws -> Void) rethrows {
        bytes.append(contentsOf: more)
        if bytes.count >= 1 << 16 { try flush(to: write) }
    }

    mutating func flush(to write: ([UInt8]) throws -> Void) rethrows {
        if !bytes.isEmpty { try write(bytes) }
        bytes.removeAll(keepingCapacity: true)
    }
}

/// What a streamed export keeps of the records as they come, whatever its format: the order
/// check, the categories used and the losses of each annotation; at the end, the losses of the
/// declarations (with what the reader gave at the end of the file).
struct StreamedRecords {
    private var last: (layer: Layer, start: Int, id: Identifier)?
    private var usedCategories = Set<Identifier>()
    var losses = Losses()

    /// Notes `annotation`, which `table` writes; false if it comes before the previous one in the
    /// model's order (layer, then start, then id), which is then left to the loaded export.
    mutating func take(_ annotation: Annotation, table: any FieldTable.Type) -> Bool {
        if let last, (annotation.layer, annotation.start, annotation.id) < last { return false }
        last = (annotation.layer, annotation.start, annotation.id)
        TaxonomyField.noteCategories(of: annotation, in: &usedCategories)
        losses.countDropped(in: annotation, by: table)
        return true
    }

    /// Notes only the categories `annotation` uses (an export that counts its losses itself).
    mutating func noteCategories(of annotation: Annotation) {
        TaxonomyField.noteCategories(of: annotation, in: &usedCategories)
    }

    /// The losses, with those of the declarations counted as for a loaded document.
    mutating func finish(declarations: Document, revisions: [Revision], preserved: PreservedContent, table: any FieldTable.Type) -> Losses {
        var document = declarations
        document.revisions = revisions
        document.preserved = preserved
        losses.countDropped(declarationsOf: document, usedCategories: usedCategories, by: table)
        return losses
    }
}

extension JSONEncoder {
    /// Compact JSON with sorted keys and slashes as they are: what the JSON exports write.
    static func compactSorted() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
