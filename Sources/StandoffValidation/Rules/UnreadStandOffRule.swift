import StandoffTEI

/// Annotations in TEI's other stand-off forms are named: Standoff keeps them as markup but does
/// not read them, so `list`, `stats`, `agree` and every export would pass them over in silence.
public struct UnreadStandOffRule: ValidationRule {
    public init() {}
    public let code = "SO006"
    public let name = "unread-stand-off"
    public let severity = DiagnosticSeverity.warning
    public let summary = "Annotations stand where Standoff reads them: <listAnnotation type=LAYER> directly in <standOff>, not in a <div>, a <spanGrp> or a <linkGrp>, which are kept but not read."

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.read.unreadStandOff.map { item in
            var hints: [String] = []
            if item.annotations > 0 {
                hints.append("Standoff reads <listAnnotation type=\"LAYER\"> as a child of <standOff>: move the lists out of the <\(item.element)>")
            }
            if item.spans > 0 {
                hints.append("write each <span> as an <annotation> of a <listAnnotation type=\"LAYER\"> (its @target as #string-range(P,OFFSET,LENGTH), its @ana the category)")
            }
            if item.links > 0 {
                hints.append("a link between annotations is a <ptr type=\"ROLE\" target=\"#ID\"> inside the annotation it starts from")
            }
            return diagnostic("<\(item.element)> in <standOff> holds \(item.counted) that Standoff does not read: kept as markup, but not listed, counted, compared or exported",
                              hint: hints.joined(separator: "; "), at: item.location)
        }
    }
}
