import Foundation

/// Dates as TEI's `@when` writes them: ISO 8601 in UTC, to the second.
public enum TEIDate {
    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    public static func parse(_ text: String) -> Date? {
        ISO8601DateFormatter().date(from: text)
    }

    /// Parses many dates with one formatter, remembering each distinct value: a file's
    /// annotations mostly share a handful of timestamps.
    struct Parser {
        private let formatter = ISO8601DateFormatter()
        private var seen: [String: Date?] = [:]

        mutating func parse(_ text: String) -> Date? {
            if let known = seen[text] { return known }
            let date = formatter.date(from: text)
            if seen.count < 4096 { seen[text] = date }
            return date
        }
    }
}
