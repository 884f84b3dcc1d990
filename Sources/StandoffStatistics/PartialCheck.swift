/// What `stats merge` checks of a partial summary before adding it: every count non-negative,
/// and the counts agreeing with each other as one run of `stats --partial` writes them (a
/// layer's categories, annotators and length histograms each sum to its annotations, coverage
/// at most the whole, one document row a document), every sum made with overflow checks. A
/// partial changed by hand or by another program is refused rather than printed as it is.
enum PartialCheck {
    struct Failure: Error { var reason: String }

    static func check(_ s: CorpusSummary) throws(Failure) {
        for (value, field) in [(s.documents, "documents"), (s.paragraphs, "paragraphs"), (s.codePoints, "codePoints"), (s.tokens, "tokens"),
                               (s.entities.withoutLink, "entities.withoutLink"), (s.notRead, "notRead")] {
            try nonNegative(value, field)
        }
        var annotations = 0
        for (name, layer) in s.layers {
            let field = "layers.\(name)"
            for (value, part) in [(layer.annotations, "annotations"), (layer.discontinuous, "discontinuous"),
                                  (layer.coveredCodePoints, "coveredCodePoints"), (layer.coveredTokens, "coveredTokens")] {
                try nonNegative(value, "\(field).\(part)")
            }
            try sums(layer.categories, to: layer.annotations, "\(field).categories", "\(field).annotations")
            try sums(layer.annotators, to: layer.annotations, "\(field).annotators", "\(field).annotations")
            try sums(Dictionary(uniqueKeysWithValues: layer.lengthInCodePoints.counts.map { (String($0.key), $0.value) }), to: layer.annotations,
                     "\(field).lengthInCodePoints", "\(field).annotations")
            try sums(Dictionary(uniqueKeysWithValues: layer.lengthInTokens.counts.map { (String($0.key), $0.value) }), to: layer.annotations,
                     "\(field).lengthInTokens", "\(field).annotations")
            guard layer.discontinuous <= layer.annotations else { throw Failure(reason: "\(field) has more discontinuous annotations than annotations") }
            guard layer.coveredCodePoints <= s.codePoints, layer.coveredTokens <= s.tokens else {
                throw Failure(reason: "\(field) covers more than 100 % of the code points or tokens")
            }
            try add(&annotations, layer.annotations, "layers")
        }
        try sums(s.annotators, to: annotations, "annotators", "the layers' annotations")
        try sums(s.errors.byCategory, to: s.layers["error"]?.annotations ?? 0, "errors.byCategory", "layers.error.annotations")
        try sums(s.errors.bySeverity, to: s.layers["error"]?.annotations ?? 0, "errors.bySeverity", "layers.error.annotations")
        try sums(s.quotations.bySpeaker, to: s.layers["quotation"]?.annotations ?? 0, "quotations.bySpeaker", "layers.quotation.annotations")
        try sums(s.quotations.byKind, to: s.layers["quotation"]?.annotations ?? 0, "quotations.byKind", "layers.quotation.annotations")
        for (key, value) in s.stances.table { try nonNegative(value, "stances.\(key)") }
        for (id, entry) in s.entities.entries { try nonNegative(entry.mentions, "entities.entries.\(id).mentions") }
        guard s.perDocument.count == s.documents else {
            throw Failure(reason: "it counts \(s.documents) documents but has \(s.perDocument.count) document rows")
        }
        var (paragraphs, codePoints, tokens) = (0, 0, 0)
        for row in s.perDocument {
            try nonNegative(row.paragraphs, "perDocument.paragraphs")
            try nonNegative(row.codePoints, "perDocument.codePoints")
            try nonNegative(row.tokens, "perDocument.tokens")
            try add(&paragraphs, row.paragraphs, "perDocument.paragraphs")
            try add(&codePoints, row.codePoints, "perDocument.codePoints")
            try add(&tokens, row.tokens, "perDocument.tokens")
        }
        guard (paragraphs, codePoints, tokens) == (s.paragraphs, s.codePoints, s.tokens) else {
            throw Failure(reason: "its document rows do not add up to its paragraphs, code points and tokens")
        }
    }

    static func nonNegative(_ value: Int, _ field: String) throws(Failure) {
        guard value >= 0 else { throw Failure(reason: "\(field) is negative (\(value))") }
    }

    static func add(_ total: inout Int, _ value: Int, _ field: String) throws(Failure) {
        do throws(CountOverflow) { try Count.add(&total, value, field) } catch { throw Failure(reason: "\(field) adds up to more than a 64-bit count holds") }
    }

    /// `counts` are non-negative and add up to `total`.
    static func sums(_ counts: [String: Int], to total: Int, _ field: String, _ totalField: String) throws(Failure) {
        var sum = 0
        for (key, value) in counts {
            try nonNegative(value, "\(field).\(key)")
            try add(&sum, value, field)
        }
        guard sum == total else { throw Failure(reason: "\(field) adds up to \(sum), not to \(totalField) (\(total))") }
    }
}
