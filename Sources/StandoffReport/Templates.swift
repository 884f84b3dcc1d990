import Foundation
import Mustache

/// The page templates (`Resources/*.mustache`), loaded once. Every `{{value}}` is HTML-escaped
/// by Mustache (`&`, `<`, `>`, `"`, `'`); the templates use no triple-brace (unescaped) values,
/// so no text from a file reaches the page as markup.
enum Templates {
    static let names = ["style", "script", "tables", "chart", "document", "compare", "index"]

    static let library: Result<MustacheLibrary, ReportError> = {
        var library = MustacheLibrary()
        for name in names {
            guard let url = Bundle.module.url(forResource: name, withExtension: "mustache", subdirectory: "Resources"),
                  let text = try? String(contentsOf: url, encoding: .utf8) else {
                return .failure(ReportError(message: "the report template \(name).mustache is missing from the installation",
                                            hint: "rebuild Standoff; the templates are resources of the StandoffReport module"))
            }
            do { library.register(try MustacheTemplate(string: text), named: name) } catch {
                return .failure(ReportError(message: "the report template \(name).mustache cannot be read: \(error)", hint: "this is a bug; please report it"))
            }
        }
        return .success(library)
    }()

    static func render(_ page: String, _ context: [String: Any]) throws(ReportError) -> String {
        guard let text = try library.get().render(context, withTemplate: page) else {
            throw ReportError(message: "the report template \(page).mustache is missing", hint: "rebuild Standoff")
        }
        return text
    }
}

/// A page that cannot be made (the installation lacks its templates).
public struct ReportError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var hint: String
    public var description: String { message }
}
