import Foundation

/// ISO 8601 timestamps as Standoff writes and reads them (`2024-11-24T09:30:00Z`: UTC, to the
/// second), formatted and parsed by hand: Foundation's `ISO8601DateFormatter` sets up an ICU
/// formatter and was most of the time of `add` on a file with provenance on every annotation.
/// It gives what that formatter gives with its default options (tested against it on random
/// dates): `string(from:)` the date in UTC, to the millisecond rounded and then to the second
/// truncated, as ICU does; `date(from:)` reads `YYYY-MM-DDThh:mm:ss` followed by `Z` or an
/// offset `±hh:mm` (or `±hhmm`) as Foundation does, and fractions of a second, which Foundation's
/// default options refuse (W3C tools write them); it refuses what xsd:dateTime refuses and
/// Foundation's lenient parser rolls over or trims (`2023-02-29`, `24:00:00`, a lowercase `t`,
/// white space around, a one-digit month, an offset `+01`, full-width digits).
public enum ISOTimestamp {
    /// `YYYY-MM-DDThh:mm:ssZ` in UTC; a year outside 1…9999 through Foundation's formatter.
    public static func string(from date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        guard milliseconds.isFinite, abs(milliseconds) < 4e14 else { return fallback(date) }
        let whole = Int64(milliseconds)
        let total = whole >= 0 ? whole / 1000 : (whole - 999) / 1000
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secondOfDay = Int(total - days * 86_400)
        let (year, month, day) = civil(fromDays: days)
        guard (1...9999).contains(year) else { return fallback(date) }
        var bytes = [UInt8](repeating: 0, count: 20)
        func put(_ value: Int, at index: Int, digits: Int) {
            var value = value
            for offset in stride(from: digits - 1, through: 0, by: -1) {
                bytes[index + offset] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
        }
        put(Int(year), at: 0, digits: 4)
        bytes[4] = UInt8(ascii: "-"); put(month, at: 5, digits: 2)
        bytes[7] = UInt8(ascii: "-"); put(day, at: 8, digits: 2)
        bytes[10] = UInt8(ascii: "T"); put(secondOfDay / 3600, at: 11, digits: 2)
        bytes[13] = UInt8(ascii: ":"); put(secondOfDay / 60 % 60, at: 14, digits: 2)
        bytes[16] = UInt8(ascii: ":"); put(secondOfDay % 60, at: 17, digits: 2)
        bytes[19] = UInt8(ascii: "Z")
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The date `text` names, or nil unless it is `YYYY-MM-DDThh:mm:ss[.fff]` with `Z` or `±hh:mm`.
    public static func date(from text: some StringProtocol) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":") else { return nil }
        func number(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for byte in bytes[start..<start + count] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              year >= 1, (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second < 60 else { return nil }
        // Fractions of a second (`.123`, as Hypothesis and other W3C tools write) are kept.
        var zone = 19
        var fraction = 0.0
        if bytes[19] == UInt8(ascii: ".") {
            var scale = 0.1
            zone = 20
            while zone < bytes.count, bytes[zone] >= UInt8(ascii: "0"), bytes[zone] <= UInt8(ascii: "9") {
                fraction += Double(bytes[zone] - UInt8(ascii: "0")) * scale
                scale /= 10
                zone += 1
            }
            guard zone > 20, zone < bytes.count else { return nil }
        }
        var offset = 0
        switch bytes[zone] {
        case UInt8(ascii: "Z"):
            guard bytes.count == zone + 1 else { return nil }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let colon = bytes.count == zone + 6 && bytes[zone + 3] == UInt8(ascii: ":")
            guard colon || bytes.count == zone + 5, let hours = number(zone + 1, 2), let minutes = number(colon ? zone + 4 : zone + 3, 2),
                  hours < 24, minutes < 60 else { return nil }
            offset = (hours * 3600 + minutes * 60) * (bytes[zone] == UInt8(ascii: "+") ? 1 : -1)
        default:
            return nil
        }
        let days = self.days(fromCivil: Int64(year), month, day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset)) + fraction)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a date in the proleptic Gregorian calendar, and back
    /// (Howard Hinnant's algorithms, "chrono-Compatible Low-Level Date Algorithms").
    static func days(fromCivil year: Int64, _ month: Int, _ day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = Int64((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1)
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int64) -> (year: Int64, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func fallback(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
