import CLibXML2

/// What libxml2's RELAX NG messages say about a fault, told by their error code (never by their
/// text): whether a message names the fault, only says what was expected there, or only echoes
/// a fault reported at a descendant; and the hint that fits it.
enum SchemaMessage {
    /// How much a message with libxml2's RELAX NG error `code` says about its fault.
    static func specificity(ofCode code: Int32) -> TEIProblem.Specificity {
        switch xmlRelaxNGValidErr(rawValue: UInt32(bitPattern: code)) {
        // "Element standOff has extra content", "failed to validate content/attributes",
        // "Internal error: no state": libxml2's words about an ancestor of the faulty element.
        case XML_RELAXNG_ERR_EXTRACONTENT, XML_RELAXNG_ERR_CONTENTVALID, XML_RELAXNG_ERR_ATTRVALID,
             XML_RELAXNG_ERR_NOSTATE, XML_RELAXNG_ERR_NODEFINE, XML_RELAXNG_ERR_INTERNAL:
            .echo
        // "Expecting an element X, got nothing", "Expecting element X, got Y", "Expecting (no) namespace …".
        case XML_RELAXNG_ERR_NOELEM, XML_RELAXNG_ERR_ELEMNAME, XML_RELAXNG_ERR_ELEMNONS, XML_RELAXNG_ERR_ATTRNONS,
             XML_RELAXNG_ERR_ELEMEXTRANS, XML_RELAXNG_ERR_ATTREXTRANS:
            .expectation
        default:
            .precise
        }
    }

    /// What to do about a message with libxml2's RELAX NG error `code`.
    static func hint(forCode code: Int32) -> String {
        switch xmlRelaxNGValidErr(rawValue: UInt32(bitPattern: code)) {
        case XML_RELAXNG_ERR_EXTRACONTENT:
            "this element is not expected here; see docs/FORMAT.md for what goes where"
        case XML_RELAXNG_ERR_INVALIDATTR, XML_RELAXNG_ERR_ATTRVALID, XML_RELAXNG_ERR_ATTRNAME, XML_RELAXNG_ERR_ATTRNONS,
             XML_RELAXNG_ERR_ATTRWRONGNS, XML_RELAXNG_ERR_ATTREXTRANS:
            "check the attribute's name and value against docs/FORMAT.md"
        case XML_RELAXNG_ERR_VALUE, XML_RELAXNG_ERR_TYPEVAL, XML_RELAXNG_ERR_DATATYPE, XML_RELAXNG_ERR_TYPE:
            "the value does not have the expected form; see docs/FORMAT.md"
        default:
            "see docs/FORMAT.md for the structure Standoff expects"
        }
    }
}
