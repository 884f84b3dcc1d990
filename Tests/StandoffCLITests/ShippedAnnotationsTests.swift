import Foundation
import StandoffModel
import StandoffTEI
import Testing
import TestSupport

/// `Annotations/north-korea-diplomacy.tei.xml`, the corpus the project ships.
@Suite("The shipped annotations of the seed article")
struct ShippedAnnotationsTests {
    static let path = Repository.shippedAnnotations

    func document() throws -> Document { try TEIReader.load(path: Self.path) }

    @Test func theScriptRegeneratesTheCommittedFileExactly() throws {
        let directory = TemporaryDirectory()
        let output = directory.file("regenerated.tei.xml")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Repository.root.appendingPathComponent("Scripts/annotate-seed.sh").path, output]
        var environment = ProcessInfo.processInfo.environment
        environment["STANDOFF"] = CLI.executable
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
        let regenerated = Repository.read(output)
        let committed = Repository.read(Self.path)
        #expect(!committed.isEmpty)
        #expect(regenerated == committed, "Scripts/annotate-seed.sh no longer reproduces Annotations/; run it and commit the result")
    }

    @Test func itRebuildsTheSeedByteForByte() throws {
        let document = try document()
        #expect(Array(document.text.string.utf8) == Repository.read(Repository.seed))
        #expect(document.source.sha256 == SourceText(String(decoding: Repository.read(Repository.seed), as: UTF8.self)).sha256)
    }

    @Test func everyLayerIsPresentWithEveryAnnotationAttributed() throws {
        let document = try document()
        #expect(document.layers == [.entity, .quotation, .stance, .error])
        #expect(document.sortedAnnotations(in: .entity).count >= 100)
        #expect(document.sortedAnnotations(in: .quotation).count >= 8)
        #expect(document.sortedAnnotations(in: .stance).count >= 20)
        #expect(document.sortedAnnotations(in: .error).count >= 15)
        for annotation in document.annotations {
            #expect(annotation.provenance.annotator == "standoff-team", "\(annotation.id)")
            #expect(annotation.provenance.method == .manual, "\(annotation.id)")
            #expect(annotation.category != nil, "\(annotation.id)")
        }
    }

    @Test func allMentionsOfKimResolveToOnePerson() throws {
        let document = try document()
        let kim = document.sortedAnnotations(in: .entity).filter { $0.links(.ref) == [.id("kim")] }.map(\.coveredText)
        for form in ["Kim", "Kim Jong Un", "North Korean dictator", "North Korean leader", "North Korean head of state"] {
            #expect(kim.contains(form), "no mention '\(form)' linked to kim")
        }
        // Every bare "Kim" in the text is annotated and linked to him.
        let bare = document.text.occurrences(of: "Kim").filter { !document.text[$0].isEmpty && !document.text.string.unicodeScalars.dropFirst($0.start).starts(with: "Kim Jong".unicodeScalars) }
        let linked = Set(document.sortedAnnotations(in: .entity).filter { $0.links(.ref) == [.id("kim")] }.flatMap(\.ranges))
        #expect(bare.allSatisfy { linked.contains($0) })
        #expect(document.entry("kim")?.wikidata == "Q56226")
    }

    @Test func entityLinksPointAtEntriesOfTheRightKind() throws {
        let document = try document()
        let expected: [String: EntryKind] = ["PER": .person, "ORG": .organisation, "GPE": .place, "LOC": .place, "FAC": .place, "NORP": .place]
        for annotation in document.sortedAnnotations(in: .entity) {
            guard let category = annotation.category?.rawValue, let kind = expected[category] else { continue }
            for case .id(let id) in annotation.links(.ref) {
                #expect(document.entry(id)?.kind == kind, "\(annotation.id) \(category) → \(id)")
            }
        }
    }

    @Test func quotationsStancesAndErrorsAreComplete() throws {
        let document = try document()
        for quotation in document.sortedAnnotations(in: .quotation) {
            let speakers = quotation.links(.speaker)
            #expect(speakers.count == 1, "\(quotation.id)")
            if case .id(let id)? = speakers.first { #expect([EntryKind.person, .organisation].contains(document.entry(id)?.kind), "\(quotation.id)") }
        }
        #expect(document.sortedAnnotations(in: .quotation).contains { $0.category == "direct" && $0.links(.speaker) == [.id("kim")] && !$0.cue.isEmpty })
        for stance in document.sortedAnnotations(in: .stance) {
            #expect(stance.links(.holder).count == 1 && !stance.links(.target).isEmpty && stance.polarity != nil, "\(stance.id)")
        }
        let authorTargets = Set(document.sortedAnnotations(in: .stance).filter { $0.links(.holder) == [.id("depetris")] }.flatMap { $0.links(.target) })
        for topic in ["first-term-diplomacy", "bottom-up-diplomacy", "sanctions", "military-action", "new-talks"] {
            #expect(authorTargets.contains(.id(try Identifier(topic))), "no author stance on \(topic)")
        }
        let errors = document.sortedAnnotations(in: .error)
        for error in errors {
            #expect(error.correction != nil && error.severity != nil, "\(error.id)")
        }
        let categories = Set(errors.compactMap(\.category?.rawValue))
        for category in ["quotation-mark", "spacing", "punctuation", "capitalisation", "fragment", "grammar", "pronoun", "redundancy", "mistranslation", "word-choice"] {
            #expect(categories.contains(category), "no \(category) error")
        }
        #expect(errors.contains { $0.coveredText == "Novemberadding" && $0.correction == "November, adding" })
    }
}
