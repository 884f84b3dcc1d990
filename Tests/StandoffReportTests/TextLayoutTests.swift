import StandoffModel
import StandoffReport
import Testing

/// How the text is cut for drawing: segments under the same annotations, lanes that keep nested
/// and crossing spans apart, a discontinuous span one annotation.
@Suite("Text layout")
struct TextLayoutTests {
    func entity(_ id: Identifier, _ ranges: [(Int, Int)], _ category: Identifier = "PER") throws -> Annotation {
        Annotation(id: id, layer: .entity, category: category, ranges: try ranges.map { try TextRange($0.0, $0.1) })
    }

    @Test func nestedAndCrossingSpansGetSegmentsAndLanes() throws {
        let text = try SourceText("Kim Jong Un met Trump.\nNo deal.")
        // e1 "Kim Jong Un" holds e2 "Kim"; e3 "Un met" crosses e1; e4 is discontinuous: "Kim" … "Trump".
        let annotations = [try entity("e1", [(0, 11)]), try entity("e2", [(0, 3)]), try entity("e3", [(9, 15)]), try entity("e4", [(0, 3), (16, 21)])]
        let layout = TextLayout(annotations, over: text)
        #expect(layout.paragraphs.count == 2)
        let first = layout.paragraphs[0]
        #expect(first.segments.map { text[$0.range] } == ["Kim", " Jong ", "Un", " met", " ", "Trump", "."])
        // Every code point of the paragraph is in exactly one segment.
        #expect(first.segments.first?.range.start == 0 && first.segments.last?.range.end == 22)
        #expect(zip(first.segments, first.segments.dropFirst()).allSatisfy { $0.range.end == $1.range.start })
        // "Kim" is under e1, e2 and e4, each in its own lane, the outermost first.
        let kim = first.segments[0].marks
        #expect(Set(kim.map(\.annotation)) == [0, 1, 3])
        #expect(Set(kim.map(\.lane)).count == 3)
        #expect(kim.map(\.lane) == kim.map(\.lane).sorted(by: >))
        // Shorter spans nearer the text: "Kim" (e2) in lane 0, "Kim Jong Un" (e1) below it, e4 (to "Trump") lowest.
        #expect(kim.map(\.annotation) == [3, 0, 1] && kim.map(\.lane) == [2, 1, 0])
        // A span keeps its lane in every segment it covers.
        var lanes: [Int: Set<Int>] = [:]
        for segment in first.segments { for mark in segment.marks { lanes[mark.annotation, default: []].insert(mark.lane) } }
        #expect(lanes.values.allSatisfy { $0.count == 1 })
        // Overlapping spans never share a lane.
        #expect(lanes[0] != lanes[2] && lanes[0] != lanes[1])
        // e4's first piece starts it and its second piece ends it; nothing ends at its first piece.
        #expect(kim.first { $0.annotation == 3 }?.starts == true && kim.first { $0.annotation == 3 }?.ends == false)
        #expect(first.segments[5].marks.map(\.annotation) == [3] && first.segments[5].marks[0].ends == true)
        // The second paragraph, unannotated, is one segment without marks.
        #expect(layout.paragraphs[1].segments.map { text[$0.range] } == ["No deal."] && layout.paragraphs[1].lanes == 0)
    }

    @Test func aSpanAcrossParagraphsIsCutAtTheBreak() throws {
        let text = try SourceText("One two\nthree four")
        let layout = TextLayout([try entity("e1", [(4, 13)])], over: text)
        #expect(layout.paragraphs[0].segments.map { text[$0.range] } == ["One ", "two"])
        #expect(layout.paragraphs[1].segments.map { text[$0.range] } == ["three", " four"])
        #expect(layout.paragraphs[0].segments[1].marks.first?.ends == false && layout.paragraphs[1].segments[0].marks.first?.ends == true)
    }
}
