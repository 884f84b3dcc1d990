import Foundation
import StandoffModel
import Testing

/// Timestamps formatted and parsed by hand give what Foundation's ISO 8601 formatter gives.
@Suite("ISO timestamps")
struct ISOTimestampTests {
    /// SplitMix64: the same random dates on every run.
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func formattingMatchesFoundationOnRandomDates() {
        let foundation = ISO8601DateFormatter()
        foundation.timeZone = TimeZone(identifier: "UTC")
        var random = Random(state: 42)
        // 1583 to 9999 (the Gregorian calendar throughout), fractions of seconds and the epoch's neighbours.
        var dates = (0..<20_000).map { _ in Date(timeIntervalSince1970: Double.random(in: -12_212_553_600...253_402_300_799, using: &random)) }
        dates += [0, -0.5, 0.999, -1, 86_399.9, 951_782_400, 1_709_164_800].map { Date(timeIntervalSince1970: $0) }
        for date in dates {
            #expect(ISOTimestamp.string(from: date) == foundation.string(from: date), "\(date.timeIntervalSince1970)")
        }
    }

    @Test func parsingMatchesFoundation() {
        let foundation = ISO8601DateFormatter()
        var random = Random(state: 7)
        var texts: [String] = []
        for _ in 0..<5_000 {
            let text = ISOTimestamp.string(from: Date(timeIntervalSince1970: Double(Int64.random(in: -12_212_553_600...253_402_300_799, using: &random))))
            texts.append(text)
            let hours = Int.random(in: 0...14, using: &random), minutes = [0, 30, 45].randomElement(using: &random)!
            let sign = Bool.random(using: &random) ? "+" : "-"
            texts.append(String(text.dropLast()) + sign + String(format: "%02d:%02d", hours, minutes))
        }
        texts += ["2024-02-29T12:00:00Z", "2024-13-01T00:00:00Z", "2024-11-24T23:59:60Z", "2024-11-24", "2024-11-24T09:30:00",
                  "2024-11-24T09:30:00+0100", ""]
        for text in texts {
            #expect(ISOTimestamp.date(from: text) == foundation.date(from: text), "\(text)")
        }
        // Foundation's parser is lenient where xsd:dateTime (and the TEI schema) is not: it rolls
        // a 29 February of a common year or an hour 24 over, and takes a lowercase t, year 0,
        // white space around, a one-digit month, an offset of hours alone and full-width digits.
        // These are refused.
        for text in ["2023-02-29T12:00:00Z", "2024-11-24T24:00:00Z", "2024-11-24t09:30:00Z", "0000-01-01T00:00:00Z",
                     "2024-11-24T09:30:00Z ", " 2024-11-24T09:30:00Z", "2024-1-24T09:30:00Z", "2024-11-24T09:30:00+01", "２０２４-11-24T09:30:00Z"] {
            #expect(ISOTimestamp.date(from: text) == nil, "\(text)")
        }
        // Fractions of a second, which Foundation's default options refuse, are read.
        #expect(ISOTimestamp.date(from: "2024-11-24T09:30:00.25Z") == Date(timeIntervalSince1970: 1_732_440_600.25))
        #expect(ISOTimestamp.date(from: "2019-01-01T12:00:00.123456+00:00")?.timeIntervalSince1970 == 1_546_344_000.123456)
        #expect(ISOTimestamp.date(from: "2024-11-24T09:30:00.Z") == nil)
    }
}
