import Foundation
import StandoffModel
import StandoffStatistics
import StandoffTEI
import Testing
import TestSupport

/// `stats` counts what the files hold, exactly, and summaries of shards add up to one run.
@Suite("Statistics")
struct StatisticsTests {
    static let shipped = Repository.shippedAnnotations

    @Test func theShippedCorpusIsCountedExactly() throws {
        let (summary, unread) = try Statistics.summarize([Self.shipped])
        #expect(unread.isEmpty)
        // Code points and tokens as Python counts them: len(text), len(re.findall(r"\w+|[^\w\s]", text)).
        #expect((summary.documents, summary.paragraphs, summary.codePoints, summary.tokens) == (1, 16, 5933, 1110))
        let entity = try #require(summary.layers["entity"])
        #expect(entity.annotations == 125)
        #expect(entity.categories == ["GPE": 47, "PER": 42, "DATE": 12, "NORP": 12, "ORG": 8, "EVENT": 2, "FAC": 1, "LOC": 1])
        #expect(summary.layers.mapValues(\.annotations) == ["entity": 125, "quotation": 9, "stance": 28, "error": 24])
        #expect(summary.annotators == ["standoff-team": 186])
        // Every figure below is recomputed from the document itself.
        let document = try TEIReader.load(path: Self.shipped)
        for (name, layer) in summary.layers {
            let annotations = document.annotations.filter { $0.layer.name == name }
            var covered = Set<Int>()
            for annotation in annotations { for range in annotation.ranges { covered.formUnion(range.start..<range.end) } }
            #expect(layer.coveredCodePoints == covered.count, "\(name)")
            #expect(layer.lengthInCodePoints.total == annotations.count)
            #expect(layer.lengthInCodePoints.maximum == annotations.map { $0.ranges.reduce(0) { $0 + $1.length } }.max())
        }
        #expect(summary.entities.entries["trump"]?.mentions == document.annotations.filter { $0.layer == .entity && $0.links(.ref).contains(.id("trump")) }.count)
        #expect(summary.entities.withoutLink == document.annotations.filter { $0.layer == .entity && $0.links(.ref).isEmpty }.count)
        #expect(summary.errors.byCategory.values.reduce(0, +) == 24)
        #expect(summary.quotations.bySpeaker["kim"] == 5)
    }

    @Test func coverageAndLengthsOnAHandMadeDocument() throws {
        let directory = TemporaryDirectory()
        var document = try Document(id: "d", title: "t", text: SourceText("Kim met Trump in Hanoi.\nNo deal came of it."))
        try document.add(Annotation(id: "ent1", layer: .entity, category: "PER", ranges: [TextRange(0, 3)]))
        try document.add(Annotation(id: "ent2", layer: .entity, category: "PER", ranges: [TextRange(1, 13)]))  // overlaps ent1
        try document.add(Annotation(id: "err1", layer: .error, category: "grammar", ranges: [TextRange(17, 22), TextRange(24, 26)], severity: .minor))
        let path = directory.file("d.tei.xml")
        try TEIWriter.write(document, to: path)
        let (summary, _) = try Statistics.summarize([path])
        let entity = try #require(summary.layers["entity"])
        #expect(entity.coveredCodePoints == 13, "the union of 0..<3 and 1..<13")
        #expect(entity.coveredTokens == 3, "Kim, met, Trump")
        #expect(entity.lengthInCodePoints.counts == [3: 1, 12: 1] && entity.lengthInTokens.counts == [1: 1, 3: 1])
        let error = try #require(summary.layers["error"])
        #expect(error.discontinuous == 1 && error.lengthInCodePoints.counts == [7: 1] && error.lengthInTokens.counts == [2: 1])
        #expect(summary.errors.bySeverity == ["minor": 1])
        #expect(summary.entities.withoutLink == 2)
    }

    @Test func histogramsGiveMedianAndMeanAndSurviveJSON() throws {
        var histogram = Histogram()
        for value in [1, 2, 2, 7] { histogram.add(value) }
        #expect(histogram.median == 2 && histogram.mean == 3 && histogram.minimum == 1 && histogram.maximum == 7)
        histogram.add(9)
        #expect(histogram.median == 2)
        histogram.add(10)
        #expect(histogram.median == 4.5)
        let decoded = try JSONDecoder().decode(Histogram.self, from: JSONEncoder().encode(histogram))
        #expect(decoded == histogram)
        #expect(Histogram().median == nil && Histogram().mean == nil)
    }

    @Test func summariesOfShardsAddUpToOneRun() throws {
        let files = [Self.shipped, Repository.fixture("minimal.tei.xml"), Repository.fixture("rules/clean.tei.xml"),
                     Repository.fixture("rules/SO502-incomplete-stance.tei.xml")]
        let whole = try Statistics.summarize(files).summary
        var merged = try Statistics.summarize(Array(files.prefix(2))).summary
        try merged.merge(try Statistics.summarize(Array(files.suffix(2))).summary)
        #expect(merged == whole)
        // Through JSON, as `stats --partial` writes and `stats merge` reads.
        let half = try CorpusSummary.partial(from: Data(try Statistics.summarize(Array(files.prefix(2))).summary.partialJSON().utf8), file: "a")
        var again = half
        try again.merge(try CorpusSummary.partial(from: Data(try Statistics.summarize(Array(files.suffix(2))).summary.partialJSON().utf8), file: "b"))
        #expect(Report(again, by: .layer).table() == Report(whole, by: .layer).table())
        #expect(StatisticsJSON(again, by: .document).encoded() == StatisticsJSON(whole, by: .document).encoded())
    }

    @Test func aPartialThatIsNotOneIsRefused() {
        #expect(throws: PartialError.self) { try CorpusSummary.partial(from: Data("{}".utf8), file: "x.json") }
        #expect(throws: PartialError.self) { try CorpusSummary.partial(from: Data(#"{"format":"other"}"#.utf8), file: "x.json") }
        var negative = CorpusSummary()
        negative.tokens = -1
        #expect(throws: PartialError.self) { try CorpusSummary.partial(from: Data(negative.partialJSON().utf8), file: "x.json") }
    }

    @Test func reportsInEveryFormat() throws {
        let summary = try Statistics.summarize([Self.shipped]).summary
        let report = Report(summary, by: .layer)
        let table = report.table()
        #expect(table.contains("CORPUS") && table.contains("errors per 1,000 tokens: 21.62"))
        let markdown = report.markdown()
        #expect(markdown.contains("## Layers") && markdown.contains("| entity | 125 |"))
        let csv = report.csv()
        #expect(csv.hasPrefix("section,row,column,value\r\n") && csv.contains("categories,2,category,PER\r\n"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(StatisticsJSON(summary, by: .layer).encoded().utf8)) as? [String: Any])
        let layers = try #require(json["layers"] as? [String: Any])
        let entity = try #require(layers["entity"] as? [String: Any])
        #expect(entity["annotations"] as? Int == 125)
        let documents = Report(summary, by: .document).sections.last
        #expect(documents?.title == "documents" && documents?.rows.first?[1] == "north-korea-diplomacy")
    }

    @Test func anEmptyCorpusHasNoNaN() {
        let json = StatisticsJSON(CorpusSummary(), by: .layer).encoded()
        #expect(!json.contains("nan") && !json.contains("NaN"))
        #expect(Report(CorpusSummary(), by: .layer).table().contains("(none)"))
    }
}
