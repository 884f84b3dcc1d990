import StandoffXML
import Testing

/// The XML writer every non-TEI XML format uses: escaping is libxml2's, and a call libxml2
/// refuses makes `finish()` throw, naming the call, instead of returning a cut or empty document.
@Suite("XML writer")
struct XMLWriterTests {
    @Test func writesEscapedWellFormedXML() throws {
        let writer = try XMLWriter(indent: false)
        writer.open("a", [("b", #"x"<&"#), ("skipped", nil)])
        writer.text("1 < 2 & 3")
        writer.close()
        let xml = String(decoding: try writer.finish(), as: UTF8.self)
        #expect(xml == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a b=\"x&quot;&lt;&amp;\">1 &lt; 2 &amp; 3</a>\n")
    }

    @Test func aRefusedCallMakesFinishThrowNamingIt() throws {
        let unnamed = try XMLWriter()
        unnamed.open("root")
        unnamed.open("")
        unnamed.close()
        #expect { try unnamed.finish() } throws: { ($0 as? XMLWriteError)?.message == "libxml2 could not open element ''" }
        let unbalanced = try XMLWriter()
        unbalanced.close()
        #expect { try unbalanced.finish() } throws: { ($0 as? XMLWriteError)?.message == "libxml2 could not close an element" }
    }
}
