import ArgumentParser
import StandoffTEI

/// Checks the free-text option values a command writes into the file, before anything is read
/// or written: a value XML cannot hold is a usage error naming the option.
enum OptionText {
    static func check(_ values: [String?], option: String) throws {
        for case let value? in values {
            if let (scalar, position) = XMLCharacters.firstUnstorable(in: value) {
                throw ValidationError("\(option) holds \(XMLCharacters.describe(scalar)) at character \(position), which XML cannot store; remove it")
            }
        }
    }

    static func check(_ value: String?, option: String) throws { try check([value], option: option) }
}
