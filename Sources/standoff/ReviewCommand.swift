import ArgumentParser
import Foundation
import StandoffCuration
import StandoffModel

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Decide the proposals a merge left: one by one at a prompt, one decision a line from a pipe, or in batches.",
        discussion: """
            Each proposal is a conflict: the readings the annotators gave of one span. It is shown \
            with its paragraph, the readings' extent marked, and each reading with its annotators. \
            Keys (typed at the prompt, or one a line on standard input when it is not a terminal):
              N            accept reading N; the others are rejected
              c N CAT      accept reading N with category CAT
              e N S E      accept reading N with the range S to E (code points from the text's start)
              r            reject every reading: nothing is annotated there
              s            skip (it stays open)      b   back to a skipped one
              q            quit (end of input quits too)
            Every decision is written at once (under the file's lock, atomically), so quitting and \
            running review again goes on where you stopped. Each is recorded in the reading's \
            history, <change status="accepted|rejected" who="#REVIEWER" when="…">; rejected readings \
            are removed unless --keep-rejected (links to them move to the accepted reading).

            Batch forms, applied in this order: --reject, --accept (the other readings of its conflict rejected), --accept-all-from, --accept-majority; all in one write. \
            --list prints the open proposals (--format json for scripts). Exit status: 0 done, 1 a \
            decision could not be applied or a piped key was wrong, 2 usage. docs/CURATION.md.

            Examples:
              standoff review gold.tei.xml --annotator ed
              printf '1\\nr\\nc 2 ORG\\n' | standoff review gold.tei.xml --annotator ed
              standoff review gold.tei.xml --list --format json
              standoff review gold.tei.xml --annotator ed --accept-all-from alice
            """
    )

    @Argument(help: "The gold file (made by standoff merge).", completion: .file())
    var file: String

    @Flag(help: "Print the open proposals and change nothing.")
    var list = false

    @Option(name: .customLong("accept"), parsing: .upToNextOption, help: "Accept these readings (ids); the others of their conflicts are rejected.")
    var accept: [Identifier] = []

    @Option(name: .customLong("reject"), parsing: .upToNextOption, help: "Reject these readings (ids).")
    var reject: [Identifier] = []

    @Option(help: "In every conflict, accept the one reading this annotator made.")
    var acceptAllFrom: Identifier?

    @Flag(help: "In every conflict, accept the reading most annotators made (ties stay open).")
    var acceptMajority = false

    @Flag(help: "Keep rejected readings in the file, marked rejected, instead of removing them.")
    var keepRejected = false

    @OptionGroup var who: AnnotatorOptions

    @Option(help: "table or json (for --list and the batch forms' summary).")
    var format: OutputFormat = .table

    private var isBatch: Bool { !accept.isEmpty || !reject.isEmpty || acceptAllFrom != nil || acceptMajority }

    func validate() throws {
        if list && isBatch { throw ValidationError("--list changes nothing; give it without --accept, --reject, --accept-all-from or --accept-majority") }
    }

    func run() throws {
        guard FileManager.default.isReadableFile(atPath: file), !MergeCommand.isDirectory(file) else { throw CLIError.unreadable(file) }
        if list { return try printList() }
        if isBatch { return try runBatch() }
        try runSession()
    }

    private func printList() throws {
        let document = try DocumentFile.load(file)
        let proposals = Reviewer.proposals(in: document)
        switch format {
        case .json:
            let records = proposals.map { proposal in
                ProposalRecord(conflict: proposal.conflict, layer: proposal.layer.name, kinds: proposal.kinds, readings: proposal.readings.map { reading in
                    .init(id: reading.id.rawValue, category: reading.category?.rawValue, ranges: reading.ranges.map { [$0.start, $0.end] }, text: reading.coveredText,
                          links: reading.links.map { "\($0.role) \($0.target)" }, correction: reading.correction,
                          annotators: Proposal.proposers(of: reading).map(\.rawValue))
                })
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(records), as: UTF8.self))
        case .table:
            guard !proposals.isEmpty else { return print("no open proposals in \(file)") }
            let annotators = Reviewer.mergedAnnotators(in: document)
            for (number, proposal) in proposals.enumerated() {
                print(ReviewScreen.render(proposal, number: number + 1, of: proposals.count, in: document, annotators: annotators, colour: Terminal.colourEnabled))
                print("")
            }
        }
    }

    struct ProposalRecord: Encodable {
        struct Reading: Encodable {
            var id: String
            var category: String?
            var ranges: [[Int]]
            var text: String
            var links: [String]
            var correction: String?
            var annotators: [String]
        }
        var conflict: String
        var layer: String
        var kinds: String
        var readings: [Reading]
    }

    /// The reviewer, declared in `document` on first use; decisions need one.
    private func reviewer(in document: inout Document) throws -> Reviewer {
        guard let id = try who.declare(in: &document, file: file) else {
            throw CLIError("a decision needs a reviewer", hint: "give --annotator ID (or set STANDOFF_ANNOTATOR): decisions are recorded with who made them", usage: true)
        }
        return Reviewer(reviewer: id, time: try Clock.now(), keepRejected: keepRejected)
    }

    private func runBatch() throws {
        let (outcome, left) = try DocumentFile.edit(file) { document throws -> (ReviewOutcome, Int) in
            let reviewer = try reviewer(in: &document)
            var outcome = ReviewOutcome()
            try curation { () throws(CurationProblem) in
                for id in reject { outcome.add(try reviewer.reject(id, in: &document)) }
                for id in accept { outcome.add(try reviewer.accept(id, in: &document)) }
                if let annotator = acceptAllFrom { outcome.add(try reviewer.acceptAll(from: annotator, in: &document).outcome) }
                if acceptMajority { outcome.add(try reviewer.acceptMajority(in: &document).outcome) }
            }
            return (outcome, Reviewer.proposals(in: document).count)
        }
        report(outcome, left: left)
    }

    private func report(_ outcome: ReviewOutcome, left: Int) {
        switch format {
        case .json:
            struct Summary: Encodable { var outcome: ReviewOutcome; var openConflicts: Int }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: (try? encoder.encode(Summary(outcome: outcome, openConflicts: left))) ?? Data(), as: UTF8.self))
        case .table:
            print("accepted \(outcome.accepted.count), rejected \(outcome.removed.count + outcome.keptRejected.count) (\(outcome.removed.count) removed, \(outcome.keptRejected.count) kept as rejected)"
                  + (outcome.redirectedLinks > 0 ? ", \(outcome.redirectedLinks) links moved to accepted readings" : "")
                  + "; \(left) conflict\(left == 1 ? "" : "s") still open in \(file)")
        }
    }

    /// The prompt: each open proposal in the order of the text, one decision each, written at once.
    private func runSession() throws {
        let interactive = isatty(STDIN_FILENO) != 0
        var document = try DocumentFile.load(file)
        let order = Reviewer.proposals(in: document).map(\.conflict)
        guard !order.isEmpty else { return print("no open proposals in \(file)") }
        var scratch = document
        _ = try reviewer(in: &scratch)  // no decision without a reviewer: said before the first proposal
        var position = 0
        var skipped: [String] = []
        var decided = 0
        var lineNumber = 0
        let annotators = Reviewer.mergedAnnotators(in: document)
        session: while position < order.count {
            guard let proposal = Reviewer.proposals(in: document).first(where: { $0.conflict == order[position] }) else { position += 1; continue }
            print("\n" + ReviewScreen.render(proposal, number: position + 1, of: order.count, in: document, annotators: annotators, colour: Terminal.colourEnabled))
            print("[1-\(proposal.readings.count)] accept · c N CAT · e N S E · r reject all · s skip · b back · q quit · ? help")
            print("> ", terminator: "")
            Terminal.flush()
            guard let line = readLine() else { break }
            lineNumber += 1
            if !interactive { print(line) }
            let key: ReviewKey
            do throws(CurationProblem) { key = try ReviewKey(parsing: line, readings: proposal.readings.count) } catch {
                if interactive { print("\(error.message)\n  \(error.hint)"); continue }
                throw CLIError("line \(lineNumber) of standard input: \(error.message)",
                               hint: error.hint + "\n  (\(decided) decision\(decided == 1 ? " was" : "s were") written before it; run review again to go on)")
            }
            switch key {
            case .quit: break session
            case .help: print(ReviewKey.summary); continue
            case .skip:
                skipped.append(proposal.conflict)
                position += 1
                continue
            case .back:
                guard let previous = skipped.popLast(), let earlier = order.firstIndex(of: previous) else { print("nothing skipped to go back to"); continue }
                position = earlier
                continue
            case .accept, .acceptWithCategory, .acceptWithRange, .rejectAll:
                do {
                    let outcome = try DocumentFile.edit(file) { current throws -> ReviewOutcome in
                        let reviewer = try reviewer(in: &current)
                        guard let fresh = Reviewer.proposals(in: current).first(where: { $0.conflict == proposal.conflict }) else {
                            throw DecidedElsewhere()
                        }
                        return try curation { () throws(CurationProblem) in try apply(key, to: fresh, in: &current, by: reviewer) }
                    }
                    decided += 1
                    print("decided: " + describe(outcome))
                } catch is DecidedElsewhere {
                    print("conflict \(proposal.conflict) was decided meanwhile by another command; nothing written, on to the next")
                    document = try DocumentFile.load(file)
                    continue
                } catch let error as CLIError {
                    if !interactive {
                        Terminal.printError("standoff: note: line \(lineNumber) of standard input could not be applied; \(decided) decision\(decided == 1 ? " was" : "s were") written before it (run review again to go on)")
                        throw error
                    }
                    print(error.rendered)
                    continue
                }
                document = try DocumentFile.load(file)
            }
        }
        let left = Reviewer.proposals(in: document).count
        print("\n\(decided) decision\(decided == 1 ? "" : "s") written to \(file); \(left) conflict\(left == 1 ? "" : "s") still open"
              + (left > 0 ? " (run standoff review \(file) again to go on)" : ""))
    }

    /// The conflict shown was decided by another command (another review) while this one waited.
    private struct DecidedElsewhere: Error {}

    private func apply(_ key: ReviewKey, to proposal: Proposal, in document: inout Document, by reviewer: Reviewer) throws(CurationProblem) -> ReviewOutcome {
        switch key {
        case .accept(let number): return try reviewer.accept(proposal.readings[number - 1].id, in: &document)
        case .acceptWithCategory(let number, let category): return try reviewer.accept(proposal.readings[number - 1].id, in: &document, category: category)
        case .acceptWithRange(let number, let start, let end):
            guard let range = try? TextRange(start, end) else { throw CurationProblem("\(start) to \(end) is not a range", hint: "START before END", isUsage: true) }
            return try reviewer.accept(proposal.readings[number - 1].id, in: &document, ranges: [range])
        case .rejectAll: return try reviewer.rejectAll(proposal, in: &document)
        case .skip, .back, .quit, .help: return ReviewOutcome()
        }
    }

    private func describe(_ outcome: ReviewOutcome) -> String {
        var parts: [String] = []
        if !outcome.accepted.isEmpty { parts.append("accepted \(outcome.accepted.joined(separator: ", "))") }
        if !outcome.removed.isEmpty { parts.append("rejected and removed \(outcome.removed.joined(separator: ", "))") }
        if !outcome.keptRejected.isEmpty { parts.append("rejected, kept \(outcome.keptRejected.joined(separator: ", "))") }
        return parts.joined(separator: "; ")
    }
}
