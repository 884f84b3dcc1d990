import Foundation
@testable import StandoffTEI
import StandoffXML
import Testing

@Suite("Known attributes: any number per element, no fixed limit")
struct KnownAttributesTests {
    typealias Known = TEIDocumentBuilder.KnownAttribute

    /// Calls `body` with a start tag carrying `attributes` (no namespace), as libxml2 lays them out.
    func withTag<R>(_ attributes: [(String, String)], _ body: (StartTag) -> R) -> R {
        var strings: [UnsafeMutablePointer<CChar>] = []
        defer { strings.forEach { free($0) } }
        func copy(_ text: String) -> UnsafePointer<UInt8> {
            let pointer = strdup(text)!
            strings.append(pointer)
            return UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self)
        }
        var fields: [UnsafePointer<UInt8>?] = []
        for (name, value) in attributes {
            let start = copy(value)
            fields += [copy(name), nil, nil, start, start + value.utf8.count]
        }
        return fields.withUnsafeMutableBufferPointer { buffer in
            body(StartTag(localName: copy("annotation"), prefix: nil, namespace: nil, namespaceCount: 0, namespaces: nil,
                          attributeCount: attributes.count, attributes: buffer.baseAddress))
        }
    }

    @Test func twelveKnownAttributesAreAllFound() {
        let names: [StaticString] = ["a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11"]
        let table = UnsafeMutableBufferPointer<Known>.allocate(capacity: names.count)
        defer { table.deallocate() }
        _ = table.initialize(from: names.map { Known(name: $0, inXMLNamespace: false) })
        // The tag carries them in another order, and not a5.
        let present = [11, 0, 9, 3, 8, 1, 2, 4, 6, 7, 10]
        withTag(present.map { ("a\($0)", "v\($0)") }) { tag in
            var values = TEIDocumentBuilder.KnownValues(tag: tag, known: UnsafeBufferPointer(table))
            for (index, slot) in present.enumerated() { values.record(slot: slot, at: index) }
            for (slot, name) in names.enumerated() {
                #expect(values.string(name) == (slot == 5 ? nil : "v\(slot)"), "slot \(slot)")
            }
        }
    }
}
