import Foundation
import StandoffModel

/// Dates as TEI's `@when` writes them: ISO 8601 in UTC, to the second (``ISOTimestamp``).
public enum TEIDate {
    public static func format(_ date: Date) -> String { ISOTimestamp.string(from: date) }

    public static func parse(_ text: String) -> Date? { ISOTimestamp.date(from: text) }

    /// Parses the dates of a file, one after another.
    struct Parser {
        mutating func parse(_ text: String) -> Date? { ISOTimestamp.date(from: text) }
    }
}
