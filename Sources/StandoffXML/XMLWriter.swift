import CLibXML2

/// Writes XML through libxml2's text writer, for every XML format the package writes beside
/// TEI: escaping and well-formedness are libxml2's. Elements are indented one level a depth.
public final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    private var failed = false

    /// With `indent`, elements are indented a level a depth; without, nothing is added (for
    /// mixed content, where white space is text).
    public init?(indent: Bool = true) {
        guard let buffer = xmlBufferCreate() else { return nil }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            return nil
        }
        self.buffer = buffer
        self.writer = writer
        xmlTextWriterSetIndent(writer, indent ? 1 : 0)
        _ = "  ".withCString { xmlTextWriterSetIndentString(writer, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
        check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil))
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    /// Opens `name` with `attributes`, in order; nil values are left out.
    public func open(_ name: String, _ attributes: [(String, String?)] = []) {
        check(xmlTextWriterStartElement(writer, name))
        for (attribute, value) in attributes { if let value { check(xmlTextWriterWriteAttribute(writer, attribute, value)) } }
    }

    public func close() { check(xmlTextWriterEndElement(writer)) }

    /// Text content, escaped.
    public func text(_ text: String) { check(xmlTextWriterWriteString(writer, text)) }

    /// A line break between elements, where white space does not matter.
    public func newline() { check(xmlTextWriterWriteRaw(writer, "\n")) }

    /// An element with only text.
    public func element(_ name: String, text: String) {
        check(xmlTextWriterWriteElement(writer, name, text))
    }

    /// The document's bytes; nil if libxml2 failed anywhere.
    public func finish() -> [UInt8]? {
        check(xmlTextWriterEndDocument(writer))
        check(xmlTextWriterFlush(writer))
        guard !failed, let content = xmlBufferContent(buffer) else { return nil }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }

    private func check(_ result: Int32) { if result < 0 { failed = true } }
}
