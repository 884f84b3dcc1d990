/// A start tag as libxml2's SAX2 reports it, with allocation-free attribute access.
public struct StartTag {
    public let localName: UnsafePointer<UInt8>
    public let prefix: UnsafePointer<UInt8>?
    public let namespace: UnsafePointer<UInt8>?
    public let namespaceCount: Int
    /// `prefix, uri` pairs of the namespaces this tag declares.
    public let namespaces: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    public let attributeCount: Int
    /// `localname, prefix, URI, value, end` quintuples.
    public let attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?

    public init(localName: UnsafePointer<UInt8>, prefix: UnsafePointer<UInt8>?, namespace: UnsafePointer<UInt8>?, namespaceCount: Int,
                namespaces: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        self.localName = localName
        self.prefix = prefix
        self.namespace = namespace
        self.namespaceCount = namespaceCount
        self.namespaces = namespaces
        self.attributeCount = attributeCount
        self.attributes = attributes
    }

    @inlinable public func isNamed(_ name: StaticString) -> Bool { SAXParser.equal(localName, name) }

    public var name: String { String(cString: localName) }

    /// The value of the attribute `name` in no namespace (or in `namespace`).
    @inlinable public func attribute(_ name: StaticString, namespace: StaticString? = nil) -> String? {
        guard let attributes else { return nil }
        for index in 0..<attributeCount {
            let base = index * 5
            guard let local = attributes[base], SAXParser.equal(local, name) else { continue }
            let uri = attributes[base + 2]
            if let namespace {
                guard let uri, SAXParser.equal(uri, namespace) else { continue }
            } else if uri != nil { continue }
            return value(at: base)
        }
        return nil
    }

    @inlinable public func value(at base: Int) -> String {
        Self.withDecodedValue(start: attributes![base + 3]!, end: attributes![base + 4]!) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of an attribute value (see ``decodedValue(start:end:)``).
    @inlinable public static func withDecodedValue<R>(start: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard end.pointee == 0 else { return body(UnsafeBufferPointer(start: start, count: end - start)) }
        return decodedValue(start: start, end: end).withUnsafeBufferPointer(body)
    }

    /// The bytes of an attribute value as SAX2 reports it. Where the value held an entity
    /// reference, libxml2 has copied it (the copy ends in NUL) and kept each `&` as `&#38;`
    /// (for its tree builder to re-parse); everything else is already replaced.
    @inlinable public static func decodedValue(start: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>) -> [UInt8] {
        let raw = UnsafeBufferPointer(start: start, count: end - start)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var index = 0
        let reference = Array("&#38;".utf8)
        while index < raw.count {
            if raw[index] == UInt8(ascii: "&"), index + reference.count <= raw.count,
               raw[index..<(index + reference.count)].elementsEqual(reference) {
                bytes.append(UInt8(ascii: "&"))
                index += reference.count
            } else {
                bytes.append(raw[index])
                index += 1
            }
        }
        return bytes
    }

    /// Every attribute as (prefix, namespace, local name, value).
    public var allAttributes: [(prefix: String?, namespace: String?, localName: String, value: String)] {
        (0..<attributeCount).map(attribute(at:))
    }

    /// The attribute at `index` as (prefix, namespace, local name, value).
    @inlinable public func attribute(at index: Int) -> (prefix: String?, namespace: String?, localName: String, value: String) {
        let base = index * 5
        return (
            attributes![base + 1].map { String(cString: $0) },
            attributes![base + 2].map { String(cString: $0) },
            String(cString: attributes![base]!),
            value(at: base)
        )
    }

    /// The namespaces this tag declares, as (prefix, uri).
    public var declaredNamespaces: [(prefix: String?, uri: String)] {
        (0..<namespaceCount).map { index in
            (namespaces![index * 2].map { String(cString: $0) }, namespaces![index * 2 + 1].map { String(cString: $0) } ?? "")
        }
    }
}

/// XML's whitespace (space, tab, line feed, carriage return).
public enum XMLWhitespace {
    @inlinable public static func isBlank<Bytes: Sequence>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        !bytes.contains { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }
    }
}

