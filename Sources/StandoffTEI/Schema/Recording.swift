import StandoffXML
/// SAX events as the parser reported them, kept to be replayed later or on another thread:
/// names as the parser's interned pointers (valid while its dictionary lives), attribute values
/// decoded and copied, text copied.
///
/// A recording owns its memory until ``deallocate()``; whoever holds it last frees it, once.
struct Recording {
    private var bytes: ByteBuffer
    private static let startMark: UInt8 = 0x53
    private static let textMark: UInt8 = 0x54
    private static let endMark: UInt8 = 0x45
    /// Written after each attribute value: a replayed value never ends in NUL, which
    /// ``StartTag/withDecodedValue(start:end:_:)`` would take for a value still to decode.
    private static let valueEnd: UInt8 = 0xFF

    /// An empty recording with room for `capacity` bytes before it grows.
    init(capacity: Int = 4096) { bytes = ByteBuffer(capacity: capacity) }

    func deallocate() { bytes.deallocate() }

    mutating func reset() { bytes.removeAll() }

    /// The bytes recorded so far.
    var size: Int { bytes.count }

    /// The bytes it can hold before it grows.
    var capacity: Int { bytes.capacity }

    mutating func start(_ tag: StartTag, line: Int, column: Int) {
        bytes.append(Self.startMark)
        bytes.append(word: UInt(bitPattern: tag.localName))
        bytes.append(word: UInt(bitPattern: tag.namespace))
        bytes.append(word: UInt(line))
        bytes.append(word: UInt(column))
        bytes.append(word: UInt(tag.attributeCount))
        for index in 0..<tag.attributeCount {
            let base = index * 5
            let fields = tag.attributes!
            bytes.append(word: UInt(bitPattern: fields[base]))
            bytes.append(word: UInt(bitPattern: fields[base + 2]))
            StartTag.withDecodedValue(start: fields[base + 3]!, end: fields[base + 4]!) { value in
                bytes.append(word: UInt(value.count))
                bytes.append(value)
            }
            bytes.append(Self.valueEnd)
        }
    }

    mutating func text(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(Self.textMark)
        bytes.append(word: UInt(text.count))
        bytes.append(text)
    }

    mutating func end(_ localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?) {
        bytes.append(Self.endMark)
        bytes.append(word: UInt(bitPattern: localName))
        bytes.append(word: UInt(bitPattern: namespace))
    }

    /// Calls back for each recorded event, in order: start tags as ``StartTag`` values (valid
    /// during the call) with their line and column, and each end with the element's name and
    /// namespace.
    func replay(
        start: (StartTag, Int, Int) -> Void,
        text: (UnsafeBufferPointer<UInt8>) -> Void,
        end: (UnsafePointer<UInt8>, UnsafePointer<UInt8>?) -> Void
    ) {
        var fields: [UnsafePointer<UInt8>?] = []
        let recorded = bytes.bytes
        recorded.withMemoryRebound(to: UInt8.self) { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            func word() -> UInt {
                let value = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt.self)
                offset += MemoryLayout<UInt>.size
                return value
            }
            while offset < buffer.count {
                let kind = buffer[offset]
                offset += 1
                switch kind {
                case Self.startMark:
                    let name = UnsafePointer<UInt8>(bitPattern: word())!
                    let namespace = UnsafePointer<UInt8>(bitPattern: word())
                    let line = Int(word())
                    let column = Int(word())
                    let count = Int(word())
                    fields.removeAll(keepingCapacity: true)
                    for _ in 0..<count {
                        let attributeName = UnsafePointer<UInt8>(bitPattern: word())
                        let attributeNamespace = UnsafePointer<UInt8>(bitPattern: word())
                        let length = Int(word())
                        let value = UnsafePointer(base + offset)
                        offset += length + 1
                        fields.append(attributeName)
                        fields.append(nil)
                        fields.append(attributeNamespace)
                        fields.append(value)
                        fields.append(value + length)
                    }
                    fields.withUnsafeMutableBufferPointer { quintuples in
                        start(StartTag(localName: name, prefix: nil, namespace: namespace, namespaceCount: 0, namespaces: nil,
                                       attributeCount: count, attributes: quintuples.baseAddress), line, column)
                    }
                case Self.textMark:
                    let count = Int(word())
                    text(UnsafeBufferPointer(start: base + offset, count: count))
                    offset += count
                default:
                    let name = UnsafePointer<UInt8>(bitPattern: word())!
                    end(name, UnsafePointer<UInt8>(bitPattern: word()))
                }
            }
        }
    }

    /// Replays the events into `handler`.
    func replay(into handler: SAXHandler) {
        replay(
            start: { tag, line, column in handler.startElement(tag, at: (line, column)) },
            text: { handler.characters($0) },
            end: { name, namespace in handler.endElement(localName: name, namespace: namespace) })
    }
}
