import StandoffAgreement
import StandoffModel

/// The comparison of annotators: each paragraph drawn once per annotator (one lane each), spans
/// without an exact partner in every other annotator's work marked, the tables of
/// `standoff agree` and the list of disagreements, each linking to its paragraph.
struct ComparePage {
    let documents: [(annotator: String, document: Document)]
    let agreement: AgreementReport

    func render() throws(ReportError) -> String {
        guard let first = documents.first?.document else { return "" }
        let sorted = documents.map { $0.document.sortedAnnotations() }
        let colours = Palette.assign(sorted.flatMap { $0 })
        // An annotation agrees when every other annotator has one of the same layer, category and ranges.
        func key(_ annotation: Annotation) -> String {
            annotation.layer.name + "|" + (annotation.category?.rawValue ?? "") + "|" + annotation.ranges.map(\.description).joined(separator: ",")
        }
        let keys = sorted.map { Set($0.map(key)) }
        var views: [AnnotationView] = []
        var layouts: [TextLayout] = []
        var disagreeing: [Set<Int>] = []
        for (index, entry) in documents.enumerated() {
            views.append(AnnotationView(document: entry.document, annotations: sorted[index], colours: colours, idPrefix: "\(index)-"))
            layouts.append(TextLayout(sorted[index], over: entry.document.text))
            disagreeing.append(Set(sorted[index].indices.filter { position in
                keys.indices.contains { $0 != index && !keys[$0].contains(key(sorted[index][position])) }
            }))
        }
        let blocks: [[String: Any]] = first.text.paragraphs.indices.map { paragraph in
            ["anchor": "p\(paragraph + 1)",
             "lanes": documents.indices.map { index in
                 ["annotator": documents[index].annotator,
                  "paragraph": views[index].paragraph(layouts[index].paragraphs[paragraph], anchor: "p\(paragraph + 1)-\(index)", disagreeing: disagreeing[index])] as [String: Any]
             }]
        }
        let disagreements: [[String: Any]] = agreement.disagreements.map { item in
            ["paragraph": item.paragraph, "anchor": "p\(item.paragraph)", "range": "\(item.start):\(item.end)", "layer": item.layer, "text": item.text,
             "said": item.said.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")]
        }
        let context: [String: Any] = [
            "colours": Palette.css, "maxLanes": DocumentPage.laneClasses(layouts),
            "title": "Agreement: " + documents.map(\.annotator).joined(separator: ", "),
            "subtitle": "\(first.title.isEmpty ? first.id.rawValue : first.title) · \(first.text.paragraphs.count) paragraphs · "
                + documents.map { "\($0.annotator): \($0.document.annotations.count) annotations" }.joined(separator: " · "),
            "language": first.language,
            "anchorPrefix": "a-",
            "legend": DocumentPage.legend(colours),
            "customLayers": Set(sorted.joined().map(\.layer)).filter { !$0.isBuiltIn }.sorted().map { ["name": $0.name] },
            "blocks": blocks,
            "tables": HTMLTables.of(agreement.sections.filter { $0.title != "disagreements" }),
            "disagreements": disagreements, "disagreementsEmpty": disagreements.isEmpty,
            "annotators": documents.indices.map { index in
                ["annotator": documents[index].annotator, "count": sorted[index].count, "rowPrefix": "\(index)-", "anchorPrefix": "a-\(index)-",
                 "rows": views[index].rows(rowPrefix: "\(index)-", anchorPrefix: "a-\(index)-")] as [String: Any]
            },
        ]
        return try Templates.render("compare", context)
    }
}
