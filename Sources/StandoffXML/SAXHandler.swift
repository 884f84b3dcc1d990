/// Receives the events of a ``SAXParser``, one parse on one thread, in document order.
public protocol SAXHandler: AnyObject {
    func startElement(_ tag: StartTag, at location: (line: Int, column: Int))
    func endElement(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?)
    func characters(_ bytes: UnsafeBufferPointer<UInt8>)
    func comment(_ text: UnsafePointer<UInt8>)
    func processingInstruction(target: UnsafePointer<UInt8>, data: UnsafePointer<UInt8>?)
    /// A `<!DOCTYPE>` (without entity declarations: those stop the parse).
    func documentType(name: String, publicID: String?, systemID: String?)
}

extension SAXHandler {
    public func documentType(name: String, publicID: String?, systemID: String?) {}
}

