import Foundation
import StandoffInterchange
import StandoffModel
import Testing
import TestSupport

/// Every format's field table against what its export does, and against docs/FORMATS.md: a
/// field a table calls dropped must be counted, one it calls carried must not be, and the
/// documentation must show the tables as they are.
@Suite("Field tables")
struct FieldTableTests {
    /// The layers an export writes (the others are left out whole, and counted as such).
    static func writes(_ format: String, _ layer: Layer) -> Bool {
        switch format {
        case "folia": [.entity, .stance, .error].contains(layer)
        case "conll": layer == .entity
        default: true
        }
    }

    static func everyField() throws -> Document {
        var document = try RoundTripMatrixTests.everyField()
        document.language = "de"
        try document.add(Taxonomy(id: "theme", description: "what a passage is about", categories: [Category(id: "economy-theme", description: "money and trade")]))
        return document
    }

    @Test func theFixtureHoldsEveryField() throws {
        let document = try Self.everyField()
        for field in AnnotationField.allCases { #expect(document.annotations.contains { field.isSet(in: $0) }, "no annotation holds \(field)") }
        let entries = document.registers.flatMap(\.entries)
        for field in RegisterEntryField.allCases { #expect(entries.contains { field.isSet(in: $0) }, "no register entry holds \(field)") }
        for field in TaxonomyField.allCases { #expect(field.count(in: document) > 0, "the taxonomies hold no \(field)") }
        for field in [DocumentField.title, .language, .annotatorNames, .revisions] { #expect(field.count(in: document) > 0, "the document holds no \(field)") }
    }

    @Test(arguments: Interchange.exporters.map(\.name))
    func anExportCountsExactlyWhatItsTableDrops(format: String) throws {
        let exporter = try #require(Interchange.exporter(named: format))
        let document = try Self.everyField()
        let losses = try exporter.export(document).losses.lostKinds
        for field in AnnotationField.allCases {
            let counted = losses[.dropped(field)] ?? 0
            let holding = document.annotations.filter { field.isSet(in: $0) && Self.writes(format, $0.layer) }.count
            if exporter.fields.carriage(of: field).isDropped {
                #expect(holding == 0 || (1...holding).contains(counted), "\(format) drops \(field): \(holding) annotations hold it, \(counted) counted")
            } else {
                #expect(counted == 0, "\(format) carries \(field) but counts \(counted) lost")
            }
        }
        let entryDropped = exporter.fields.carriage(of: RegisterEntryField.entry).isDropped
        for field in RegisterEntryField.allCases {
            let counted = losses[.dropped(field)] ?? 0
            let holding = document.registers.flatMap(\.entries).filter { field.isSet(in: $0) }.count
            let expected = exporter.fields.carriage(of: field).isDropped && (field == .entry || !entryDropped) ? holding : 0
            #expect(counted == expected, "\(format), register entries' \(field): \(counted) counted, \(expected) expected")
        }
        for field in TaxonomyField.allCases {
            let expected = exporter.fields.carriage(of: field).isDropped ? field.count(in: document) : 0
            #expect(losses[.dropped(field)] ?? 0 == expected, "\(format), \(field)")
        }
        for field in DocumentField.allCases {
            let expected = exporter.fields.carriage(of: field).isDropped ? field.count(in: document) : 0
            #expect(losses[.dropped(field)] ?? 0 == expected, "\(format), \(field)")
        }
    }

    /// docs/FORMATS.md shows the tables as the code has them, between its two markers;
    /// `STANDOFF_UPDATE_DOCS=1 swift test --filter FieldTable` writes them there.
    @Test func theDocumentationShowsTheTables() throws {
        let path = Repository.root.appendingPathComponent("docs/FORMATS.md").path
        let formats = String(decoding: Repository.read(path), as: UTF8.self)
        let begin = "<!-- field matrix: generated from the exporters' tables; FieldTableTests checks it -->\n"
        let end = "<!-- end of field matrix -->"
        let start = try #require(formats.range(of: begin), "docs/FORMATS.md lacks the field matrix's markers")
        let stop = try #require(formats.range(of: end, range: start.upperBound..<formats.endIndex))
        let shown = String(formats[start.upperBound..<stop.lowerBound])
        if ProcessInfo.processInfo.environment["STANDOFF_UPDATE_DOCS"] == "1" && shown != FieldMatrix.markdown() {
            try Data((formats[..<start.upperBound] + FieldMatrix.markdown() + formats[stop.lowerBound...]).utf8).write(to: URL(fileURLWithPath: path))
            return
        }
        #expect(shown == FieldMatrix.markdown(), "docs/FORMATS.md's field matrix differs from the code; put this between the markers:\n\(FieldMatrix.markdown())")
    }
}
