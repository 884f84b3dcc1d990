import ArgumentParser
import Foundation
import StandoffModel

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Annotate a span of the text and print the new annotation's id.",
        discussion: """
            Give the span as text (--text, exact match; --occurrence N counts from 1; --all takes every \
            occurrence; --context "a longer phrase" looks only inside that phrase) or as code-point offsets (--range START:END, half-open; repeat it for a \
            discontinuous span).

            Layers and their options:
            \(LayerHelp.optionLines)
            Any other layer name is a custom layer; its categories must be declared with `standoff taxonomy add`.

            Examples:
              standoff add entity doc.tei.xml --text "Kim Jong Un" --category PER --ref kim
              standoff add entity doc.tei.xml --text Kim --context "relationship with Kim, then" --category PER --ref kim
              standoff add quotation doc.tei.xml --text "“hardest counterattacks”" --category partial --speaker kim --cue promised
              standoff add error doc.tei.xml --text "Novemberadding" --category spacing --correction "November, adding" --severity minor
            """
    )

    @Argument(help: ArgumentHelp("The layer: \(LayerHelp.names), or a custom layer name."), completion: Layer.completion, transform: Layer.argument)
    var layer: Layer

    @Argument(help: "The TEI file to annotate (changed in place, atomically).", completion: .file())
    var file: String

    @OptionGroup(title: "Span") var span: SpanOptions

    @Option(help: "The category, declared in the layer's taxonomy.")
    var category: Identifier?

    @Option(help: "Entity: the register entry the mention refers to.")
    var ref: Identifier?

    @Option(help: "Quotation: the register entry who speaks, or 'unknown'.")
    var speaker: String?

    @Option(help: "Quotation: the text that introduces it (\"said\", \"told Reuters\"); the occurrence nearest the quotation is used.")
    var cue: String?

    @Option(help: "Stance: who holds it (a register entry).")
    var holder: Identifier?

    @Option(help: "Stance: what it is about (a register entry, a category or an annotation id; repeatable).")
    var target: [Identifier] = []

    @Option(help: "Stance: favor, against, neutral or mixed.")
    var polarity: Polarity?

    @Option(help: "Error: the corrected text.")
    var correction: String?

    @Option(help: "Error: a category of the severity taxonomy: minor, major, critical, or one declared with `standoff taxonomy add FILE severity NAME`.")
    var severity: ErrorSeverity?

    @Option(help: "A comment (repeatable).")
    var note: [String] = []

    @Option(help: "A free feature KEY=VALUE (repeatable).")
    var feature: [String] = []

    @OptionGroup(title: "Provenance") var provenance: ProvenanceOptions

    @Option(help: "The new annotation's id (default: the next free one, such as ent12).")
    var id: Identifier?

    @Option(help: "Output format: table prints the id, json the whole annotation.")
    var format: OutputFormat = .table

    func validate() throws {
        try span.validate()
        // Which options a layer takes is read from its description (LayerDescription).
        func only(_ present: Bool, _ option: String, andCustomLayers custom: Bool = false, where takes: (LayerDescription) -> Bool) throws {
            guard present, !takes(layer.details), !(custom && !layer.isBuiltIn) else { return }
            let layers = LayerDescription.builtIn.filter(takes).map(\.layer.name).joined(separator: " or ")
            throw ValidationError("\(option) applies to the \(layers) layer\(custom ? " and custom layers" : ""), not to \(layer)")
        }
        try only(speaker != nil, "--speaker") { $0.link(.speaker) != nil }
        try only(cue != nil, "--cue") { $0.fields.contains { $0.name == "cue" } }
        try only(holder != nil, "--holder") { $0.link(.holder) != nil }
        try only(!target.isEmpty, "--target") { $0.link(.target) != nil }
        try only(polarity != nil, "--polarity") { $0.categoryName == "polarity" }
        try only(correction != nil, "--correction") { $0.fields.contains { $0.name == "correction" } }
        try only(severity != nil, "--severity") { $0.fields.contains { $0.name == "severity" } }
        try only(ref != nil, "--ref", andCustomLayers: true) { $0.link(.ref) != nil }
        if layer.details.categoryName == "polarity" && polarity != nil && category != nil {
            throw ValidationError("a stance's category is its polarity: give --polarity or --category, not both")
        }
        if id != nil && span.all { throw ValidationError("--id names one annotation; it cannot go with --all") }
        for item in feature where !item.contains("=") || item.hasPrefix("=") {
            throw ValidationError("--feature takes KEY=VALUE, got '\(item)'")
        }
        try OptionText.check(note, option: "--note")
        try OptionText.check(feature, option: "--feature")
        try OptionText.check(correction, option: "--correction")
        try OptionText.check(cue, option: "--cue")
        try OptionText.check(speaker, option: "--speaker")
    }

    func run() throws {
        let (added, document) = try DocumentFile.edit(file) { document in (try add(to: &document), document) }
        switch format {
        case .table: for annotation in added { print(annotation.id) }
        case .json: print(AnnotationRecordJSON.encode(added, in: document))
        }
    }

    /// Adds the annotations to `document` and returns them as stored.
    private func add(to document: inout Document) throws -> [Annotation] {
        let spans = try span.resolve(in: document, file: file)
        let annotator = try provenance.declareAnnotator(in: &document, file: file)
        let time = try Clock.now()
        var links: [Link] = []
        if let ref { links.append(Link(role: .ref, target: .id(ref))) }
        if let speaker {
            if speaker == "unknown" { links.append(Link(role: .speaker, target: .unknown)) } else {
                let id = try DocumentFile.model(file) { () throws(ModelError) in try Identifier(speaker) }
                links.append(Link(role: .speaker, target: .id(id)))
            }
        }
        if let holder { links.append(Link(role: .holder, target: .id(holder))) }
        for target in target { links.append(Link(role: .target, target: .id(target))) }
        var features: [String: String] = [:]
        for item in feature {
            let parts = item.split(separator: "=", maxSplits: 1)
            features[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        var added: [Annotation] = []
        for ranges in spans {
            let cueRanges = try cue.map { try nearest($0, to: ranges, in: document) } ?? []
            let annotation = Annotation(
                id: id ?? document.nextAnnotationID(for: layer), layer: layer,
                category: polarity.map { Identifier(stringLiteral: $0.rawValue) } ?? category,
                ranges: ranges, links: links, features: features, notes: note,
                provenance: Provenance(annotator: annotator, time: time, method: provenance.method, certainty: provenance.cert),
                cue: cueRanges, correction: correction, severity: severity)
            do throws(ModelError) { added.append(try document.add(annotation)) } catch {
                if case .duplicateID = error, id != nil {
                    throw CLIError(error.description, hint: "choose another --id, or leave --id out to get the next free one", file: file)
                }
                throw CLIError(error, file: file)
            }
        }
        return added
    }

    /// The occurrence of `cue` closest to the quotation, outside it: a cue introduces the
    /// quotation and is never part of it.
    private func nearest(_ cue: String, to ranges: [TextRange], in document: Document) throws -> [TextRange] {
        let found = document.text.occurrences(of: cue)
        guard let span = ranges.first, !found.isEmpty else { throw CLIError(ModelError.textNotFound(cue), file: file) }
        let outside = found.filter { occurrence in !ranges.contains { $0.overlaps(occurrence) } }
        guard let best = outside.min(by: { a, b in distance(a, span) < distance(b, span) }) else {
            throw CLIError("the cue \"\(cue)\" occurs only inside the quotation", hint: "give the words outside the quotation that introduce it (\"said\", \"told Reuters\")", file: file)
        }
        return [best]
    }

    private func distance(_ a: TextRange, _ b: TextRange) -> Int {
        a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0
    }
}

/// How the span of a new annotation is given.
struct SpanOptions: ParsableArguments {
    @Option(help: "The exact text to annotate.")
    var text: String?

    @Option(help: "Which occurrence of --text, counting from 1 (within --context, if given).")
    var occurrence: Int?

    @Option(help: "Look for --text only inside this longer phrase, which must occur once.")
    var context: String?

    @Flag(help: "Annotate every occurrence of --text (one annotation each).")
    var all = false

    @Option(help: "START:END in code points, half-open; repeat for a discontinuous span.")
    var range: [String] = []

    func validate() throws {
        if text == nil && range.isEmpty { throw ValidationError("give the span with --text \"…\" or --range START:END") }
        if text != nil && !range.isEmpty { throw ValidationError("give the span with --text or with --range, not both") }
        if text == nil && (occurrence != nil || all || context != nil) { throw ValidationError("--occurrence, --all and --context go with --text") }
        if occurrence != nil && all { throw ValidationError("--occurrence picks one; --all takes every one: give one of them") }
        if let occurrence, occurrence < 1 { throw ValidationError("--occurrence counts from 1") }
        if text == "" { throw ValidationError("--text must not be empty") }
        try OptionText.check(text, option: "--text")
        try OptionText.check(context, option: "--context")
        for value in range {
            do throws(ModelError) { _ = try TextRange(parsing: value) } catch { throw ValidationError("--range \(value): \(error.description)") }
        }
    }

    /// One list of ranges per annotation to make.
    func resolve(in document: Document, file: String) throws(CLIError) -> [[TextRange]] {
        if let text {
            let found = try DocumentFile.model(file) { () throws(ModelError) in try document.ranges(of: text, occurrence: occurrence, all: all, within: context) }
            return found.map { [$0] }
        }
        let ranges = try DocumentFile.model(file) { () throws(ModelError) in try range.map { (r) throws(ModelError) in try TextRange(parsing: r) } }
        return [ranges]
    }
}

/// Who made the annotation and how.
struct ProvenanceOptions: ParsableArguments {
    @OptionGroup var who: AnnotatorOptions

    @Option(help: "manual or automatic.")
    var method: AnnotationMethod = .manual

    @Option(help: "Certainty: high, medium, low or unknown.")
    var cert: Certainty?

    /// The annotator id to record, declaring it in the document if it is new.
    func declareAnnotator(in document: inout Document, file: String) throws(CLIError) -> Identifier? {
        try who.declare(in: &document, file: file)
    }
}

/// Who makes an edit: `--annotator` (or `STANDOFF_ANNOTATOR`), declared in the file on first use.
struct AnnotatorOptions: ParsableArguments {
    @Option(help: "The annotator's id; declared in the file on first use. Default: $STANDOFF_ANNOTATOR, if set.")
    var annotator: Identifier?

    @Option(help: "The annotator's name, when declaring a new annotator (default: the id).")
    var annotatorName: String?

    func validate() throws {
        try OptionText.check(annotatorName, option: "--annotator-name")
    }

    /// The annotator id to record, declaring it in the document if it is new. A name given for
    /// an annotator the file already declares is not used, and a note says so.
    func declare(in document: inout Document, file: String) throws(CLIError) -> Identifier? {
        var id = annotator
        if id == nil, let fromEnvironment = ProcessInfo.processInfo.environment["STANDOFF_ANNOTATOR"], !fromEnvironment.isEmpty {
            id = try DocumentFile.model(file) { () throws(ModelError) in try Identifier(fromEnvironment) }
        }
        guard let id else {
            if annotatorName != nil { Terminal.printError("standoff: note: --annotator-name is not used without --annotator (or STANDOFF_ANNOTATOR)") }
            return nil
        }
        if let declared = document.annotator(id) {
            if let annotatorName, annotatorName != declared.name {
                Terminal.printError("standoff: note: annotator '\(id)' is declared as \"\(declared.name)\"; --annotator-name \"\(annotatorName)\" is not used")
            }
        } else {
            try DocumentFile.model(file) { () throws(ModelError) in try document.declare(Annotator(id: id, name: annotatorName ?? id.rawValue)) }
        }
        return id
    }
}

extension Polarity: ExpressibleByArgument {}
extension ErrorSeverity: ExpressibleByArgument {}
extension Certainty: ExpressibleByArgument {}
extension AnnotationMethod: ExpressibleByArgument {}
