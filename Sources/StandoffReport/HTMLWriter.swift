/// Writes the HTML of a page's text, the one part too large for the templates (a document of
/// 50,000 annotations has hundreds of thousands of highlighted pieces; Mustache's dynamic look-ups
/// took 8 s for them, this writer a fraction of it: docs/PERFORMANCE.md). Element and attribute
/// names are `StaticString`s, fixed in the code; every text and attribute value is escaped
/// (`&`, `<`, `>`, `"`, `'`), so nothing read from a file becomes markup. The templates insert
/// what it writes unescaped (`{{{html}}}`), and nothing else.
struct HTMLWriter {
    private(set) var html = ""

    init(capacity: Int = 0) { html.reserveCapacity(capacity) }

    /// `<tag name="value" …>`; attributes with a nil value are left out.
    mutating func start(_ tag: StaticString, _ attributes: [(StaticString, String?)] = []) {
        html.append("<")
        html.append(tag.description)
        for (name, value) in attributes {
            guard let value else { continue }
            html.append(" ")
            html.append(name.description)
            html.append("=\"")
            append(escaping: value)
            html.append("\"")
        }
        html.append(">")
    }

    mutating func end(_ tag: StaticString) {
        html.append("</")
        html.append(tag.description)
        html.append(">")
    }

    mutating func text(_ text: String) { append(escaping: text) }

    /// `value` with the five characters that could end a text or an attribute value escaped.
    static func escaped(_ value: String) -> String {
        var writer = HTMLWriter()
        writer.append(escaping: value)
        return writer.html
    }

    private mutating func append(escaping value: String) {
        // Most values hold none of the five: copy them whole.
        guard value.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            html.append(value)
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": html.append("&amp;")
            case "<": html.append("&lt;")
            case ">": html.append("&gt;")
            case "\"": html.append("&quot;")
            case "'": html.append("&#39;")
            default: html.unicodeScalars.append(scalar)
            }
        }
    }
}
