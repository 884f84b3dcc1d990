import CLibXML2

/// Writes XML through libxml2's text writer, for every XML format the package writes beside
/// TEI: escaping and well-formedness are libxml2's. Elements are indented one level a depth.
public final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    /// The first call libxml2 refused, described.
    private var failure: String?

    /// With `indent`, elements are indented a level a depth; without, nothing is added (for
    /// mixed content, where white space is text).
    public init(indent: Bool = true) throws(XMLWriteError) {
        guard let buffer = xmlBufferCreate() else { throw XMLWriteError(message: "libxml2 could not make an output buffer") }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw XMLWriteError(message: "libxml2 could not make a text writer")
        }
        self.buffer = buffer
        self.writer = writer
        xmlTextWriterSetIndent(writer, indent ? 1 : 0)
        _ = "  ".withCString { xmlTextWriterSetIndentString(writer, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
        check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start the document")
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    /// Opens `name` with `attributes`, in order; nil values are left out.
    public func open(_ name: String, _ attributes: [(String, String?)] = []) {
        check(xmlTextWriterStartElement(writer, name), "open element '\(name)'")
        for (attribute, value) in attributes {
            if let value { check(xmlTextWriterWriteAttribute(writer, attribute, value), "write attribute '\(attribute)' of '\(name)'") }
        }
    }

    public func close() { check(xmlTextWriterEndElement(writer), "close an element") }

    /// Text content, escaped.
    public func text(_ text: String) { check(xmlTextWriterWriteString(writer, text), "write text") }

    /// A line break between elements, where white space does not matter.
    public func newline() { check(xmlTextWriterWriteRaw(writer, "\n"), "write a line break") }

    /// An element with only text.
    public func element(_ name: String, text: String) {
        check(xmlTextWriterWriteElement(writer, name, text), "write element '\(name)'")
    }

    /// The document's bytes; throws, naming the first call libxml2 refused, if any failed
    /// (never a truncated or empty document).
    public func finish() throws(XMLWriteError) -> [UInt8] {
        check(xmlTextWriterEndDocument(writer), "end the document")
        check(xmlTextWriterFlush(writer), "flush")
        if let failure { throw XMLWriteError(message: "libxml2 could not \(failure)") }
        guard let content = xmlBufferContent(buffer) else { throw XMLWriteError(message: "libxml2 gave no output buffer") }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }

    private func check(_ result: Int32, _ what: @autoclosure () -> String) {
        if result < 0, failure == nil { failure = what() }
    }
}

/// The XML writer failed (libxml2 refused a call, or ran out of memory): nothing should be
/// written.
public struct XMLWriteError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
