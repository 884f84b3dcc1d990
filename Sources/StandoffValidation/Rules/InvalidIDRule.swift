import StandoffTEI

/// Every xml:id is a valid id: a letter or _ first, then letters, digits, -, _ or .
public struct InvalidIDRule: ReaderProblemRule {
    public init() {}
    public let code = "SO203"
    public let name = "invalid-id"
    public let severity = DiagnosticSeverity.error
    public let summary = "Every xml:id is a valid id: a letter or _ first, then letters, digits, -, _ or ."
    public let readerCodes: Set<TEIProblem.Code> = [.invalidID]

    public func words(for fact: TEIProblem.Fact) -> FindingWords? {
        switch fact {
        case .invalidLayerName(let type, let unread):
            return FindingWords("<listAnnotation type=\"\(type)\">: '\(type)' is not a layer name" + FindingWords.unreadSuffix(unread),
                                hint: "name the layer entity, quotation, stance, error, or a name of your own: a letter or _ first, then letters, digits, -, _ or .")
        case .annotationWithoutLayer(let annotation):
            return FindingWords("annotation '\(annotation)' is in a <listAnnotation> without a valid layer type", hint: "set type on its <listAnnotation>")
        case .invalidElementID(let element, let raw):
            return FindingWords("\(FindingWords.name(of: element)) id '\(raw)' is not a valid id", hint: "ids start with a letter and use letters, digits, '-', '_' or '.'")
        case .invalidParagraphID(let raw, let number):
            return FindingWords("paragraph id '\(raw)' is not a valid id", hint: "use an id such as p\(number)")
        default:
            return nil
        }
    }
}
