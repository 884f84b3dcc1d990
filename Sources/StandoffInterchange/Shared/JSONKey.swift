/// A key of a JSON object read by name, for the readers of other tools' JSON (W3C Web
/// Annotation, JSON Lines) that look at whichever fields a file happens to have.
struct JSONKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
