import CLibXML2

/// What kind of fault stopped or marred a parse, told by libxml2's error code (never by its
/// message text) or by the hardening that stopped it; readers choose their hint by it.
public enum XMLFailureKind: Sendable, Hashable {
    /// The file could not be opened or read.
    case unreadable
    /// Empty, or no root element: not an XML document at all.
    case notXML
    /// The file ends inside an element.
    case truncated
    /// An entity declaration or a reference to an undeclared entity (refused by the hardening).
    case entity
    /// Bytes that are not the declared encoding (mostly: not UTF-8).
    case encoding
    /// A name, text or attribute value past libxml2's length limit.
    case tooLong
    /// Elements nested past ``SAXParser/maximumDepth``.
    case tooDeep
    /// Any other fault of well-formedness.
    case other

    /// The kind of a libxml2 parser error code (`xmlParserErrors`); `pastLengthLimit` when more
    /// than libxml2's length limit was read since the last event.
    init(libxml2Code code: Int32, pastLengthLimit: Bool) {
        switch xmlParserErrors(rawValue: UInt32(bitPattern: code)) {
        // An attribute value left open, or one longer than the limit: the same code.
        case XML_ERR_ATTRIBUTE_NOT_FINISHED: self = pastLengthLimit ? .tooLong : .other
        case XML_ERR_DOCUMENT_EMPTY: self = .notXML
        case XML_ERR_UNDECLARED_ENTITY, XML_WAR_UNDECLARED_ENTITY: self = .entity
        case XML_ERR_INVALID_CHAR, XML_ERR_INVALID_ENCODING, XML_ERR_UNKNOWN_ENCODING, XML_ERR_UNSUPPORTED_ENCODING:
            self = .encoding
        case XML_ERR_TAG_NOT_FINISHED, XML_ERR_LTSLASH_REQUIRED: self = .truncated
        // libxml2 2.9 raises its length limits ("Huge input lookup") as internal errors.
        case XML_ERR_INTERNAL_ERROR, XML_ERR_NAME_TOO_LONG: self = .tooLong
        default: self = .other
        }
    }
}
