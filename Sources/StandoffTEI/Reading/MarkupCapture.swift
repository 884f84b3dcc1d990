import StandoffXML
/// Serialises a foreign subtree, event by event, back to markup, declaring every namespace it
/// uses so that the markup stands on its own wherever it is written back.
struct MarkupCapture {
    private(set) var markup = ""
    private(set) var depth = 0
    /// Namespace bindings in scope inside the capture, innermost last.
    private var scopes: [[String: String]]

    /// `outerDefault` is the default namespace where the markup will be written back (TEI's).
    init(outerDefault: String = TEI.namespace) {
        scopes = [["": outerDefault]]
    }

    mutating func start(_ tag: StartTag) {
        var bindings: [String: String] = [:]
        var declarations: [(String?, String)] = []
        for (prefix, uri) in tag.declaredNamespaces {
            bindings[prefix ?? ""] = uri
            declarations.append((prefix, uri))
        }
        func ensure(_ prefix: String?, _ uri: String?) {
            guard let uri, prefix != "xml" else { return }
            let key = prefix ?? ""
            if bindings[key] == uri { return }
            if lookup(key) == uri && bindings[key] == nil { return }
            bindings[key] = uri
            declarations.append((prefix, uri))
        }
        let prefix = tag.prefix.map { String(cString: $0) }
        ensure(prefix, tag.namespace.map { String(cString: $0) } ?? (lookup("") != nil ? "" : nil))
        let attributes = tag.allAttributes
        for attribute in attributes where attribute.prefix != nil { ensure(attribute.prefix, attribute.namespace) }

        markup += "<" + qualified(prefix, tag.name)
        for (declared, uri) in declarations {
            markup += declared.map { " xmlns:\($0)=\"" } ?? " xmlns=\""
            markup += Self.escapeAttribute(uri) + "\""
        }
        for attribute in attributes {
            markup += " " + qualified(attribute.prefix, attribute.localName) + "=\"" + Self.escapeAttribute(attribute.value) + "\""
        }
        markup += ">"
        scopes.append(bindings)
        depth += 1
    }

    mutating func end(_ tag: (prefix: String?, localName: String)) {
        markup += "</" + qualified(tag.prefix, tag.localName) + ">"
        scopes.removeLast()
        depth -= 1
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        markup += Self.escapeText(String(decoding: bytes, as: UTF8.self))
    }

    mutating func comment(_ text: String) { markup += "<!--" + text + "-->" }

    mutating func processingInstruction(_ target: String, _ data: String?) {
        markup += "<?" + target + (data.map { " " + $0 } ?? "") + "?>"
    }

    private func lookup(_ prefix: String) -> String? {
        for scope in scopes.reversed() { if let uri = scope[prefix] { return uri } }
        return nil
    }

    private func qualified(_ prefix: String?, _ name: String) -> String { prefix.map { "\($0):\(name)" } ?? name }

    static func escapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func escapeAttribute(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
