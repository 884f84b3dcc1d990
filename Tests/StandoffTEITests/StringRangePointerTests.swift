@testable import StandoffTEI
import Testing

/// `#string-range()` pointers: the compact form Standoff writes is read from its bytes, other
/// spellings the long way, and anything else is refused.
@Suite("string-range() pointers")
struct StringRangePointerTests {
    private func compact(_ text: String) -> (String, Int, Int)? {
        var text = text
        return text.withUTF8 { bytes in
            StringRangePointer.compact(bytes).map { (String(decoding: $0.paragraph, as: UTF8.self), $0.offset, $0.length) }
        }
    }

    @Test func readsTheCompactFormFromItsBytes() {
        #expect(compact("#string-range(p12,0,5)")! == ("p12", 0, 5))
        #expect(compact("#string-range(intro.a,1234,1)")! == ("intro.a", 1234, 1))
        // Spaces, signs, missing parts and trailing text are not the compact form.
        for other in ["#string-range(p1, 0, 5)", "#string-range( p1,0,5)", "#string-range(p1,-1,5)", "#string-range(,0,5)",
                      "#string-range(p1,0)", "#string-range(p1,0,5)x", "#range(p1,0,5)", "#string-range(p1,0,5,6)"] {
            #expect(compact(other) == nil, "\(other)")
        }
    }

    @Test func parsesOtherSpellingsAndRefusesWhatIsNotAPointer() {
        #expect(StringRangePointer.parse("#string-range(p1,3,4)")! == ("p1", 3, 4))
        #expect(StringRangePointer.parse("#string-range( p1 , 3 , 4 )")! == ("p1", 3, 4))
        for bad in ["#range(p1,0,5)", "#string-range(p1,0)", "#string-range(p1,a,5)", "#string-range(,0,5)", "string-range(p1,0,5)"] {
            #expect(StringRangePointer.parse(Substring(bad)) == nil, "\(bad)")
        }
        // A format and a parse give back the pointer.
        let written = StringRangePointer.format(paragraph: "p7", offset: 10, length: 2)
        #expect(StringRangePointer.parse(Substring(written))! == ("p7", 10, 2))
    }
}
