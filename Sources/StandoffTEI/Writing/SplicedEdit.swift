import Foundation
import StandoffModel

/// An edit that only added annotations, written as the file's own bytes with the new
/// `<annotation>` elements spliced into their lists: `add` then costs reading the file and
/// copying it, not writing 2 million elements again through libxml2's writer (which was most of
/// `add` on a large file). Everything else in the file stays byte for byte as it was.
///
/// The splice is made only where it is plainly right: the declarations (header, registers,
/// taxonomies, annotators, revision history, kept markup) are unchanged, no annotation was
/// removed or changed, and each new annotation's `<listAnnotation>` is found in the file, a direct
/// child of `<standOff>`, without a namespace prefix. Otherwise ``adding(_:to:before:after:)``
/// returns nil and the caller writes the whole document. The file was read without a problem
/// just before, so it is well-formed: the scanner below relies on that (it skips comments,
/// CDATA sections, processing instructions and quoted attribute values, and counts depth).
public enum SplicedEdit {
    /// `original` with the annotations `after` has and `before` lacks inserted in order (by start,
    /// then id, as ``TEIWriter`` writes them), or nil when the edit is more than that.
    public static func adding(to original: [UInt8], before: Document, after: Document) -> [UInt8]? {
        guard before.registers == after.registers, before.taxonomies == after.taxonomies, before.annotators == after.annotators,
              before.revisions == after.revisions, before.preserved == after.preserved, before.title == after.title,
              before.language == after.language, before.source == after.source, before.id == after.id,
              after.annotations.count > before.annotations.count else { return nil }
        let known = Set(before.annotations.map(\.id))
        let added = after.annotations.filter { !known.contains($0.id) }
        // Nothing removed, nothing changed: every annotation of before is in after as it was.
        guard added.count == after.annotations.count - before.annotations.count,
              before.annotations.allSatisfy({ after.annotation($0.id) == $0 }) else { return nil }
        guard let lists = ListScanner(original).lists() else { return nil }
        // Insertion points: before the first child that sorts after the new annotation, or before
        // the list's end tag; several at one point go in their order.
        var insertions: [(offset: Int, order: (Int, Identifier), bytes: [UInt8])] = []
        for annotation in added {
            guard let list = lists[annotation.layer.name],
                  let element = try? TEIWriter.annotationElement(annotation, in: after) else { return nil }
            var offset = list.end
            for child in list.children {
                guard let existing = before.annotation(Identifier(stringLiteral: child.id)) else { return nil }
                if (existing.start, existing.id) > (annotation.start, annotation.id) { offset = child.start; break }
            }
            insertions.append((offset, (annotation.start, annotation.id), element))
        }
        insertions.sort { ($0.offset, $0.order.0, $0.order.1) < ($1.offset, $1.order.0, $1.order.1) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(original.count + insertions.reduce(0) { $0 + $1.bytes.count })
        var copied = 0
        for insertion in insertions {
            // Before the line break and indentation that lead to what follows.
            var at = insertion.offset
            while at > copied, original[at - 1] == 0x20 || original[at - 1] == 0x09 { at -= 1 }
            if at > copied, original[at - 1] == 0x0A { at -= 1 }
            bytes += original[copied..<at]
            bytes += insertion.bytes
            copied = at
        }
        bytes += original[copied...]
        return bytes
    }
}

/// Finds each `<listAnnotation type="…">` directly in `<standOff>`: where its `<annotation>`
/// children start (with their xml:id) and where its end tag starts, in a well-formed file. One
/// pass over the bytes (`memchr` to each `<`), names compared in place, attributes read only for
/// the two elements that matter.
struct ListScanner {
    struct List { var children: [(id: String, start: Int)] = []; var end = 0 }

    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func lists() -> [String: List]? {
        bytes.withUnsafeBufferPointer { buffer in scan(buffer) }
    }

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [String: List]? {
        guard let base = bytes.baseAddress else { return [:] }
        let count = bytes.count
        var lists: [String: List] = [:]
        /// The open elements' names, as ranges of the bytes.
        var path: [Range<Int>] = []
        var current: (type: String, list: List)?
        func name(_ range: Range<Int>, is literal: StaticString) -> Bool {
            range.count == literal.utf8CodeUnitCount && memcmp(base + range.lowerBound, literal.utf8Start, range.count) == 0
        }
        func at(_ index: Int, _ literal: StaticString) -> Bool {
            index + literal.utf8CodeUnitCount <= count && memcmp(base + index, literal.utf8Start, literal.utf8CodeUnitCount) == 0
        }
        func find(_ literal: StaticString, from start: Int) -> Int? {
            var index = start
            while index < count {
                guard let found = memchr(base + index, Int32(literal.utf8Start.pointee), count - index) else { return nil }
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if at(index, literal) { return index }
                index += 1
            }
            return nil
        }
        var index = 0
        while index < count {
            guard let found = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) else { break }
            let start = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if at(start, "<!--") { guard let end = find("-->", from: start + 4) else { return nil }; index = end + 3; continue }
            if at(start, "<![CDATA[") { guard let end = find("]]>", from: start + 9) else { return nil }; index = end + 3; continue }
            if at(start, "<?") || at(start, "<!") { guard let end = find(">", from: start + 2) else { return nil }; index = end + 1; continue }
            let closing = at(start, "</")
            var cursor = start + (closing ? 2 : 1)
            let nameStart = cursor
            while cursor < count, !Self.isNameEnd(bytes[cursor]) { cursor += 1 }
            let tagName = nameStart..<cursor
            let isList = name(tagName, is: "listAnnotation"), isAnnotation = name(tagName, is: "annotation")
            // To the tag's end (quoted values may hold `>`), reading attributes only where needed.
            var wanted: String?
            var selfClosing = false
            while cursor < count, bytes[cursor] != UInt8(ascii: ">") {
                let byte = bytes[cursor]
                if byte == UInt8(ascii: "/") { selfClosing = true; cursor += 1; continue }
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    guard let end = memchr(base + cursor + 1, Int32(byte), count - cursor - 1) else { return nil }
                    cursor = base.distance(to: end.assumingMemoryBound(to: UInt8.self)) + 1
                    continue
                }
                if (isList && at(cursor, "type=")) || (isAnnotation && at(cursor, "xml:id=")), cursor > 0, Self.isSpace(bytes[cursor - 1]) {
                    let valueStart = cursor + (isList ? 6 : 8)
                    guard valueStart <= count, let end = memchr(base + valueStart, Int32(bytes[valueStart - 1]), count - valueStart) else { return nil }
                    let valueEnd = base.distance(to: end.assumingMemoryBound(to: UInt8.self))
                    wanted = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
                    cursor = valueEnd + 1
                    continue
                }
                cursor += 1
            }
            guard cursor < count else { return nil }
            index = cursor + 1
            if closing {
                guard let last = path.popLast(), bytes[last] .elementsEqual(bytes[tagName]) else { return nil }
                if isList, let parent = path.last, name(parent, is: "standOff"), let open = current {
                    var list = open.list
                    list.end = start
                    guard lists[open.type] == nil else { return nil }
                    lists[open.type] = list
                    current = nil
                }
                continue
            }
            // A prefixed name (another tool's `tei:listAnnotation`): not the shape expected.
            if let colon = bytes[tagName].firstIndex(of: UInt8(ascii: ":")) {
                let local = colon + 1..<tagName.upperBound
                if name(local, is: "standOff") || name(local, is: "listAnnotation") || name(local, is: "annotation") { return nil }
            }
            if isList, !selfClosing, let parent = path.last, name(parent, is: "standOff") {
                guard let type = wanted else { return nil }
                current = (type, List())
            }
            if isAnnotation, current != nil, path.count >= 2, name(path[path.count - 1], is: "listAnnotation"), name(path[path.count - 2], is: "standOff") {
                guard let id = wanted else { return nil }
                current!.list.children.append((id, start))
            }
            if !selfClosing { path.append(tagName) }
        }
        return path.isEmpty ? lists : nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    private static func isNameEnd(_ byte: UInt8) -> Bool { isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") }
}
