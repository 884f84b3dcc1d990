@testable import StandoffTEI
import Testing

/// `Remembered`: values made from attribute values are found again by the value's bytes, and a
/// lookup never gives the value of another key, however many keys come and go.
@Suite("Remembered values, by their bytes")
struct RememberedTests {
    private func value(_ key: String, in remembered: inout Remembered<Int?>, made: inout [String]) -> Int? {
        var key = key
        return key.withUTF8 { bytes in
            remembered.value(for: bytes) { text in
                made.append(text)
                return text.hasPrefix("#") ? Int(text.dropFirst()) : nil
            }
        }
    }

    @Test func makesEachValueOnceAndRemembersNilToo() {
        var remembered = Remembered<Int?>()
        var made: [String] = []
        #expect(value("#12", in: &remembered, made: &made) == 12)
        #expect(value("#12", in: &remembered, made: &made) == 12)
        #expect(value("#13", in: &remembered, made: &made) == 13)
        #expect(value("#1", in: &remembered, made: &made) == 1)
        #expect(value("bad", in: &remembered, made: &made) == nil)
        #expect(value("bad", in: &remembered, made: &made) == nil)
        #expect(value("", in: &remembered, made: &made) == nil)
        #expect(value("", in: &remembered, made: &made) == nil)
        #expect(made == ["#12", "#13", "#1", "bad", ""])
    }

    @Test func neverGivesAnotherKeysValue() {
        // Far more keys than slots, and more key bytes than are kept before starting afresh.
        var remembered = Remembered<Int?>()
        var made: [String] = []
        for round in 0..<2 {
            for number in 0..<20_000 {
                #expect(value("#\(number)", in: &remembered, made: &made) == number, "round \(round)")
            }
        }
        // Slots are shared, so some values were made again; the last one made is still there.
        #expect(made.count > 20_000)
        let before = made.count
        #expect(value("#19999", in: &remembered, made: &made) == 19_999)
        #expect(made.count == before)
    }
}
