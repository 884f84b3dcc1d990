import Foundation
import StandoffModel

/// An edit that only added or only removed annotations, written as the file's own bytes with the
/// change spliced in: new `<annotation>` elements inserted in their lists, removed ones cut out
/// and their removal recorded at the end of the header's revision history. `add` and `remove`
/// then cost reading the file and copying it, not writing 2 million elements again through
/// libxml2's writer (which was most of an edit on a large file). Everything else in the file
/// stays byte for byte as it was; on a file Standoff wrote, the result is the bytes a whole write
/// gives (tested).
///
/// The splice is made only where it is plainly right: the declarations (header, registers,
/// taxonomies, annotators, kept markup) are unchanged and the revision history only grew; no
/// annotation was changed; each list (and, for a removal, the header's `<revisionDesc>`) is found
/// in the file without a namespace prefix. Otherwise ``spliced(_:before:after:)`` returns nil
/// and the caller writes the whole document. The file was read without a problem just before, so
/// it is well-formed: the scanner below relies on that (it skips comments, CDATA sections,
/// processing instructions and quoted attribute values, and counts depth).
public enum SplicedEdit {
    /// `original` with the change from `before` to `after` spliced in, or nil when the change
    /// is more than additions or removals of annotations.
    public static func spliced(_ original: [UInt8], before: Document, after: Document) -> [UInt8]? {
        guard before.registers == after.registers, before.taxonomies == after.taxonomies, before.annotators == after.annotators,
              after.revisions.starts(with: before.revisions), before.preserved == after.preserved, before.title == after.title,
              before.language == after.language, before.source == after.source, before.id == after.id else { return nil }
        let beforeIDs = Set(before.annotations.map(\.id)), afterIDs = Set(after.annotations.map(\.id))
        let added = after.annotations.filter { !beforeIDs.contains($0.id) }
        let removed = before.annotations.filter { !afterIDs.contains($0.id) }
        let revisions = after.revisions.dropFirst(before.revisions.count)
        // Additions alone, or removals (with their revisions) alone; the rest unchanged.
        guard added.isEmpty != removed.isEmpty, added.isEmpty || revisions.isEmpty,
              after.annotations.allSatisfy({ !beforeIDs.contains($0.id) || before.annotation($0.id) == $0 }),
              let file = ListScanner(original).scan() else { return nil }
        var edits: [(range: Range<Int>, bytes: [UInt8])] = []
        for annotation in added {
            guard let list = file.lists[annotation.layer.name],
                  let element = try? TEIWriter.annotationElement(annotation, in: after) else { return nil }
            // Before the first child that sorts after it (by start, then id), or the list's end tag.
            var offset = list.end
            for child in list.children {
                guard let existing = before.annotation(Identifier(stringLiteral: child.id)) else { return nil }
                if (existing.start, existing.id) > (annotation.start, annotation.id) { offset = child.start; break }
            }
            let at = lineStart(of: offset, in: original)
            edits.append((at..<at, element))
        }
        for annotation in removed {
            guard let child = file.lists[annotation.layer.name]?.children.first(where: { $0.id == annotation.id.rawValue }) else { return nil }
            edits.append((lineStart(of: child.start, in: original)..<child.end, []))
        }
        if !revisions.isEmpty {
            guard let end = file.headerRevisionsEnd else { return nil }
            var elements: [UInt8] = []
            for revision in revisions {
                guard let element = try? TEIWriter.changeElement(revision) else { return nil }
                elements += element
            }
            let at = lineStart(of: end, in: original)
            edits.append((at..<at, elements))
        }
        // A file whose lines end in CRLF (another tool's, on Windows) gets CRLF in what is inserted.
        if original.count > 1, let newline = original.firstIndex(of: 0x0A), newline > 0, original[newline - 1] == 0x0D {
            edits = edits.map { edit in (edit.range, edit.bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }) }
        }
        // In file order; insertions at one place in the order they were made (by start, then id).
        edits = edits.enumerated().sorted { ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset) }.map(\.element)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(original.count + edits.reduce(0) { $0 + $1.bytes.count })
        var copied = 0
        for edit in edits {
            guard edit.range.lowerBound >= copied else { return nil }
            bytes += original[copied..<edit.range.lowerBound]
            bytes += edit.bytes
            copied = edit.range.upperBound
        }
        bytes += original[copied...]
        return bytes
    }

    /// Where the line break and indentation that lead to `offset` begin: what is inserted there
    /// brings its own, and what is cut from there takes its own.
    private static func lineStart(of offset: Int, in bytes: [UInt8]) -> Int {
        var at = offset
        while at > 0, bytes[at - 1] == 0x20 || bytes[at - 1] == 0x09 { at -= 1 }
        if at > 0, bytes[at - 1] == 0x0A { at -= 1 }
        if at > 0, bytes[at - 1] == 0x0D { at -= 1 }
        return at
    }
}

/// Finds each `<listAnnotation type="…">` directly in `<standOff>`: where its `<annotation>`
/// children start (with their xml:id) and where its end tag starts, in a well-formed file. One
/// pass over the bytes (`memchr` to each `<`), names compared in place, attributes read only for
/// the two elements that matter.
struct ListScanner {
    struct List { var children: [(id: String, start: Int, end: Int)] = []; var end = 0 }
    /// The lists by layer, and where the header's `</revisionDesc>` starts.
    struct Found { var lists: [String: List]; var headerRevisionsEnd: Int? }

    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func scan() -> Found? {
        bytes.withUnsafeBufferPointer { buffer in scan(buffer) }
    }

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Found? {
        guard let base = bytes.baseAddress else { return Found(lists: [:], headerRevisionsEnd: nil) }
        let count = bytes.count
        var lists: [String: List] = [:]
        var headerRevisionsEnd: Int?
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
            let isRevisions = name(tagName, is: "revisionDesc")
            if closing {
                guard let last = path.popLast(), bytes[last].elementsEqual(bytes[tagName]) else { return nil }
                if isAnnotation, current != nil, path.count >= 2, name(path[path.count - 1], is: "listAnnotation"), name(path[path.count - 2], is: "standOff") {
                    current!.list.children[current!.list.children.count - 1].end = index
                }
                if isRevisions, let parent = path.last, name(parent, is: "teiHeader") { headerRevisionsEnd = start }
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
                current!.list.children.append((id, start, selfClosing ? index : -1))
            }
            if !selfClosing { path.append(tagName) }
        }
        guard path.isEmpty, lists.values.allSatisfy({ $0.children.allSatisfy { $0.end > $0.start } }) else { return nil }
        return Found(lists: lists, headerRevisionsEnd: headerRevisionsEnd)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    private static func isNameEnd(_ byte: UInt8) -> Bool { isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") }
}
