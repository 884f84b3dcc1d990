import Foundation
import StandoffFormats

/// Everything `agree` found: per layer the figures, the documents compared and those left
/// unpaired, and the spans to adjudicate.
public struct AgreementReport: Sendable, Encodable {
    public var annotators: [String]
    public var documents: [String]
    public var unpaired: [String: [String]]
    public var resamples: Int
    public var seed: UInt64
    public var layers: [LayerFigures]
    /// With `byDocument`: each document's figures (intervals resample its own paragraphs).
    public var documentFigures: [DocumentFigures]?
    public var disagreements: [Disagreement]
    /// Why nothing at all was compared (no annotator marked anything), when so.
    public var undefinedBecause: String?

    /// One document's figures.
    public struct DocumentFigures: Sendable, Encodable {
        public var document: String
        public var layers: [LayerFigures]
    }

    /// Compares `inputs`: `resamples` bootstrap draws (0: no intervals) from `seed`.
    public init(_ inputs: AgreementInputs, layers: Set<String>? = nil, categories: Set<String>? = nil, resamples: Int, seed: UInt64,
                byDocument: Bool = false) {
        // The layers compared are decided for the whole corpus: those asked for, or every layer
        // any annotator used in any document.
        let compared = layers.map { $0.sorted() } ?? inputs.usedLayers
        var comparison = Comparison(annotators: inputs.annotators, layers: compared, categories: categories)
        var perDocument: [DocumentFigures] = []
        for text in inputs.texts {
            comparison.add(text)
            if byDocument {
                var alone = Comparison(annotators: inputs.annotators, layers: compared, categories: categories)
                alone.add(text)
                perDocument.append(DocumentFigures(document: text.name, layers: Figures(alone).layers(resamples: resamples, seed: seed)))
            }
        }
        documentFigures = byDocument ? perDocument : nil
        annotators = inputs.annotators
        documents = inputs.texts.map(\.name)
        unpaired = inputs.unpaired
        self.resamples = resamples
        self.seed = seed
        self.layers = Figures(comparison).layers(resamples: resamples, seed: seed)
        disagreements = comparison.disagreements
        if compared.isEmpty { undefinedBecause = "no annotator marked a span in any layer: there is nothing to compare" }
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("null".utf8), as: UTF8.self)
    }

    // MARK: Sections for people

    public var sections: [ReportSection] {
        var sections: [ReportSection] = []
        var intro = ReportSection(title: "compared", columns: ["annotators", "documents", "bootstrap"],
                                  rows: [[annotators.joined(separator: ", "), String(documents.count),
                                          resamples == 0 ? "off" : "\(resamples) resamples of paragraphs, seed \(seed)"]])
        for (annotator, missing) in unpaired.sorted(by: { $0.key < $1.key }) {
            intro.notes.append("not compared, missing from \(annotator): \(missing.joined(separator: ", "))")
        }
        if let undefinedBecause { intro.notes.append("undefined: \(undefinedBecause)") }
        sections.append(intro)
        sections.append(ReportSection(
            title: "spans", columns: ["layer", "pair", "exact P", "exact R", "exact F1 [95% CI]", "relaxed P", "relaxed R", "relaxed F1 [95% CI]"],
            rows: layers.flatMap { layer in
                layer.pairs.map { pair in
                    [layer.layer, pair.annotators.joined(separator: " / "),
                     Self.number(pair.exact.precision), Self.number(pair.exact.recall), Self.estimate(pair.exact.f1),
                     Self.number(pair.relaxed.precision), Self.number(pair.relaxed.recall), Self.estimate(pair.relaxed.f1)]
                }
            },
            notes: layers.compactMap { layer in
                layer.meanExactF1.map { "\(layer.layer): mean F1 over the pairs, exact \(Self.number($0)), relaxed \(Self.number(layer.meanRelaxedF1))" }
            }))
        sections.append(ReportSection(
            title: "spans by category", columns: ["layer", "pair", "category", "reference", "other", "exact F1", "relaxed F1"],
            rows: layers.flatMap { layer in
                layer.pairs.flatMap { pair in
                    pair.categories.map { category in
                        [layer.layer, pair.annotators.joined(separator: " / "), category.category, String(category.exact.reference),
                         String(category.exact.predicted), Self.number(category.exact.f1.value), Self.number(category.relaxed.f1.value)]
                    }
                }
            }))
        var tokens = ReportSection(title: "token labels", columns: ["layer", "measure", "annotators", "value [95% CI]"], rows: [])
        for layer in layers {
            for pair in layer.pairs { tokens.rows.append([layer.layer, "Cohen's kappa", pair.annotators.joined(separator: " / "), Self.estimate(pair.tokenKappa)]) }
            tokens.rows.append([layer.layer, "Fleiss' kappa", "all", Self.estimate(layer.fleissKappa)])
            tokens.rows.append([layer.layer, "Krippendorff's alpha (nominal)", "all", Self.estimate(layer.krippendorffAlpha)])
        }
        sections.append(tokens)
        var unitizing = ReportSection(title: "unitizing (code points)", columns: ["layer", "category", "Krippendorff's alpha-u"], rows: [])
        for layer in layers {
            unitizing.rows.append([layer.layer, "all", Self.estimate(layer.unitizingAlpha)])
            for (category, estimate) in layer.unitizingAlphaByCategory.sorted(by: { $0.key < $1.key }) {
                unitizing.rows.append([layer.layer, category, Self.estimate(estimate)])
            }
        }
        sections.append(unitizing)
        sections.append(ReportSection(
            title: "attributes of exactly matched spans", columns: ["layer", "pair", "attribute", "matched spans", "agreeing", "share", "Cohen's kappa [95% CI]"],
            rows: layers.flatMap { layer in
                layer.pairs.flatMap { pair in
                    pair.attributes.map { attribute in
                        [layer.layer, pair.annotators.joined(separator: " / "), attribute.attribute, String(attribute.pairs), String(attribute.agreeing),
                         Self.number(attribute.share), attribute.kappa.map(Self.estimate) ?? "-"]
                    }
                }
            }))
        sections.append(ReportSection(
            title: "confusion of categories over overlapping spans", columns: ["layer", "pair", "first said", "second said", "spans"],
            rows: layers.flatMap { layer in
                layer.pairs.flatMap { pair in
                    pair.confusion.sorted { $0.key < $1.key }.flatMap { a, row in
                        row.sorted { $0.key < $1.key }.map { b, count in [layer.layer, pair.annotators.joined(separator: " / "), a, b, String(count)] }
                    }
                }
            }))
        if let documentFigures {
            sections.append(ReportSection(
                title: "by document", columns: ["document", "layer", "pair", "exact F1", "relaxed F1", "Cohen's kappa", "Krippendorff's alpha"],
                rows: documentFigures.flatMap { document in
                    document.layers.flatMap { layer in
                        layer.pairs.map { pair in
                            [document.document, layer.layer, pair.annotators.joined(separator: " / "), Self.estimate(pair.exact.f1),
                             Self.estimate(pair.relaxed.f1), Self.estimate(pair.tokenKappa), Self.estimate(layer.krippendorffAlpha)]
                        }
                    }
                }))
        }
        sections.append(ReportSection(
            title: "disagreements", columns: ["document", "paragraph", "range", "layer", "text", "said"],
            rows: disagreements.map { item in
                [item.document, String(item.paragraph), "\(item.start):\(item.end)", item.layer, DisplayWidth.truncate(DisplayWidth.escaped(item.text), to: 40),
                 item.said.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")]
            }))
        return sections
    }

    static func number(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "-" }

    static func estimate(_ estimate: Estimate) -> String {
        guard let value = estimate.value else { return "undefined: " + (estimate.undefinedBecause ?? "no data") }
        guard let low = estimate.low, let high = estimate.high else { return number(value) }
        return "\(number(value)) [\(number(low)), \(number(high))]"
    }
}
