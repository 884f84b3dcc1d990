import Foundation
import StandoffModel

extension JSONLines {
    /// The JSON Lines export written as the reader streams a file: the line's start (its
    /// annotators, id, language and registers) when the first annotation comes, each span as it
    /// comes, the rest (taxonomies, text, title) at the end; the bytes ``export(_:)`` writes, as
    /// `JSONEncoder` writes them (tested). The spans must come in the model's order (layer, then
    /// start, then id), the order Standoff writes its files in; one out of order makes ``add(_:write:)``
    /// answer false, and the caller exports the loaded document instead.
    public final class Stream: StreamingExport {
        private let declarations: Document
        private var buffer = ExportBuffer()
        private var records = StreamedRecords()
        private var started = false
        private var spansWritten = 0
        private let encoder = JSONEncoder.compactSorted()

        public init(declarations: Document) {
            self.declarations = declarations
        }

        public func add(_ annotation: Annotation, write: ([UInt8]) throws -> Void) throws -> Bool {
            guard records.take(annotation, table: JSONLines.self) else { return false }
            if !started { try begin(write) }
            for span in JSONLines.spans(of: annotation, text: declarations.text) {
                var bytes: [UInt8] = spansWritten == 0 ? [] : [UInt8(ascii: ",")]
                span.appendJSON(to: &bytes)
                spansWritten += 1
                try buffer.append(bytes, flushingTo: write)
            }
            return true
        }

        public func finish(revisions: [Revision], preserved: PreservedContent, write: ([UInt8]) throws -> Void) throws -> Losses {
            if !started { try begin(write) }
            let losses = records.finish(declarations: declarations, revisions: revisions, preserved: preserved, table: JSONLines.self)
            let (_, taxonomies, _) = JSONLines.declarations(of: declarations)
            var tail: [UInt8] = Array("]".utf8)
            if let taxonomies { tail += Array(",\"taxonomies\":".utf8) + (try encoder.encode(taxonomies)) }
            tail += Array(",\"text\":".utf8)
            tail.appendJSONString(declarations.text.string)
            tail += Array(",\"title\":".utf8)
            tail.appendJSONString(declarations.title)
            tail += Array("}\n".utf8)
            try buffer.append(tail, flushingTo: write)
            try buffer.flush(to: write)
            return losses
        }

        /// `{"annotators":…,"id":…,"lang":…,"registers":…,"spans":[`: the keys before the spans, sorted as the encoder sorts them.
        private func begin(_ write: ([UInt8]) throws -> Void) throws {
            started = true
            let (registers, _, annotators) = JSONLines.declarations(of: declarations)
            var head: [UInt8] = Array("{".utf8)
            if let annotators { head += Array("\"annotators\":".utf8) + (try encoder.encode(annotators)) + Array(",".utf8) }
            head += Array("\"id\":".utf8)
            head.appendJSONString(declarations.id.rawValue)
            head += Array(",\"lang\":".utf8)
            head.appendJSONString(declarations.language)
            if let registers { head += Array(",\"registers\":".utf8) + (try encoder.encode(registers)) }
            head += Array(",\"spans\":[".utf8)
            try buffer.append(head, flushingTo: write)
        }
    }
}

extension JSONLines.Span {
    /// The span as `JSONEncoder` with sorted keys writes it (compact), without the encoder.
    func appendJSON(to bytes: inout [UInt8]) {
        func string(_ value: String) -> (inout [UInt8]) -> Void { { $0.appendJSONString(value) } }
        func number(_ value: Int) -> (inout [UInt8]) -> Void { { $0.append(contentsOf: String(value).utf8) } }
        func strings(_ values: [String]) -> (inout [UInt8]) -> Void { { $0.appendCompactJSONArray(values) { $0.appendJSONString($1) } } }
        var members: [(String, (inout [UInt8]) -> Void)] = [
            ("start", number(start)), ("end", number(end)), ("label", string(label)), ("layer", string(layer)), ("id", string(id)),
        ]
        if let part { members.append(("part", number(part))) }
        if let parts { members.append(("parts", number(parts))) }
        if let text { members.append(("text", string(text))) }
        if let links { members.append(("links", { $0.appendCompactJSONObject(links.map { ($0.key, strings($0.value)) }) })) }
        if let notes { members.append(("notes", strings(notes))) }
        if let features { members.append(("features", { $0.appendCompactJSONObject(features.map { ($0.key, string($0.value)) }) })) }
        if let correction { members.append(("correction", string(correction))) }
        if let severity { members.append(("severity", string(severity))) }
        if let cue { members.append(("cue", { $0.appendCompactJSONArray(cue) { $0.appendCompactJSONArray($1) { $0.append(contentsOf: String($1).utf8) } } })) }
        if let annotator { members.append(("annotator", string(annotator))) }
        if let cert { members.append(("cert", string(cert))) }
        if let method { members.append(("method", string(method))) }
        if let time { members.append(("time", string(time))) }
        bytes.appendCompactJSONObject(members)
    }
}
