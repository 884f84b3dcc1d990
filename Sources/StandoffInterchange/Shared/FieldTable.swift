import StandoffModel

/// How a format holds one field of the model.
public enum Carriage: Sendable, Equatable {
    /// Written where the format has a place for it, said in a few words.
    case carried(String)
    /// Written, except in cases the exporter counts itself under a ``LossKind`` (said how).
    case partly(String)
    /// No place for it: each one present is counted as a loss of the field (why, in a few words).
    case dropped(String)

    public var isDropped: Bool { if case .dropped = self { true } else { false } }

    /// The cell of docs/FORMATS.md's field table.
    public var cell: String {
        switch self {
        case .carried(let how): how
        case .partly(let how): "partly: " + how
        case .dropped(let why): "**dropped**" + (why.isEmpty ? "" : " (\(why))")
        }
    }
}

/// What a format does with every field of the model: the one table an exporter declares, which
/// the shared counting below reads, and docs/FORMATS.md is checked against. The functions are
/// switches without a default, so a field added to the model does not compile until every
/// format has decided what it does with it.
public protocol FieldTable: Sendable {
    static func carriage(of field: AnnotationField) -> Carriage
    static func carriage(of field: RegisterEntryField) -> Carriage
    static func carriage(of field: TaxonomyField) -> Carriage
    static func carriage(of field: DocumentField) -> Carriage
}

extension Losses {
    /// Counts each field of `annotation` that `table` drops.
    mutating func countDropped(in annotation: Annotation, by table: any FieldTable.Type) {
        for field in AnnotationField.allCases where field.isSet(in: annotation) && table.carriage(of: field).isDropped {
            lost(.dropped(field))
        }
    }

    /// Counts what `table` drops of the document's registers, taxonomies and the document
    /// itself (the revision history and what Standoff keeps without reading among it).
    mutating func countDropped(declarationsOf document: Document, by table: any FieldTable.Type) {
        countDropped(declarationsOf: document, usedCategories: TaxonomyField.usedCategories(document.annotations), by: table)
    }

    /// As ``countDropped(declarationsOf:by:)``, with the categories the annotations use given:
    /// a streamed export counts them as the annotations go by, and passes the declarations
    /// (with the revisions and kept content the reader gives at the end) as `document`.
    mutating func countDropped(declarationsOf document: Document, usedCategories: Set<Identifier>, by table: any FieldTable.Type) {
        for field in RegisterEntryField.allCases where table.carriage(of: field).isDropped {
            // An entry dropped as a whole is one loss, not one for each thing it holds.
            if field != .entry && table.carriage(of: RegisterEntryField.entry).isDropped { continue }
            let count = document.registers.reduce(0) { sum, register in sum + register.entries.filter { field.isSet(in: $0) }.count }
            lost(.dropped(field), count)
        }
        for field in TaxonomyField.allCases where table.carriage(of: field).isDropped { lost(.dropped(field), field.count(in: document, used: usedCategories)) }
        for field in DocumentField.allCases where table.carriage(of: field).isDropped { lost(.dropped(field), field.count(in: document)) }
    }
}

/// The table of every field × every format, as docs/FORMATS.md shows it (checked by a test).
public enum FieldMatrix {
    /// The formats in the order of the columns, each with its table.
    public static var formats: [(name: String, table: any FieldTable.Type)] { Interchange.exporters.map { ($0.name, $0.fields) } }

    /// One Markdown table per part of the model: a row a field, a column a format.
    public static func markdown() -> String {
        func table<F>(_ title: String, _ fields: [F], _ name: (F) -> String, _ carriage: (any FieldTable.Type, F) -> Carriage) -> String {
            var lines = ["| \(title) | " + formats.map(\.name).joined(separator: " | ") + " |",
                         "|---|" + String(repeating: "---|", count: formats.count)]
            for field in fields {
                lines.append("| \(name(field)) | " + formats.map { carriage($0.table, field).cell.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |")
            }
            return lines.joined(separator: "\n")
        }
        return [
            table("annotation field", AnnotationField.allCases, \.rawValue) { $0.carriage(of: $1) },
            table("register entry", RegisterEntryField.allCases, \.rawValue) { $0.carriage(of: $1) },
            table("taxonomies", TaxonomyField.allCases, \.rawValue) { $0.carriage(of: $1) },
            table("document", DocumentField.allCases, \.rawValue) { $0.carriage(of: $1) },
        ].joined(separator: "\n\n") + "\n"
    }
}
