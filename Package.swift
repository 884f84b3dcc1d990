// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Standoff",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "standoff", targets: ["standoff"]),
        .library(name: "StandoffModel", targets: ["StandoffModel"]),
        .library(name: "StandoffXML", targets: ["StandoffXML"]),
        .library(name: "StandoffFiles", targets: ["StandoffFiles"]),
        .library(name: "StandoffTEI", targets: ["StandoffTEI"]),
        .library(name: "StandoffFormats", targets: ["StandoffFormats"]),
        .library(name: "StandoffValidation", targets: ["StandoffValidation"]),
        .library(name: "StandoffStatistics", targets: ["StandoffStatistics"]),
        .library(name: "StandoffAgreement", targets: ["StandoffAgreement"]),
        .library(name: "StandoffInterchange", targets: ["StandoffInterchange"]),
        .library(name: "StandoffReport", targets: ["StandoffReport"]),
        .library(name: "StandoffCuration", targets: ["StandoffCuration"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        // Templates for `standoff report`'s HTML: every value HTML-escaped unless marked otherwise.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // libxml2, the only XML library; StandoffXML reads through it, StandoffTEI writes and checks schemas.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // The document model: text, ranges, annotations, layers, registers, taxonomies. No XML, no I/O.
        .target(
            name: "StandoffModel",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        // Hardened SAX2 parsing over libxml2 for every XML reader: no network, no entities, bounded
        // depth and memory, locations, faults told by libxml2's error codes.
        .target(name: "StandoffXML", dependencies: ["CLibXML2"]),
        // Atomic replacement of files and the edit lock: every command that writes a file.
        .target(name: "StandoffFiles"),
        // TEI P5 stand-off reading (streaming, over StandoffXML) and writing (xmlTextWriter, atomic).
        .target(
            name: "StandoffTEI",
            dependencies: ["StandoffModel", "StandoffXML", "StandoffFiles", "CLibXML2"],
            resources: [.copy("Resources/standoff.rng")]
        ),
        // `standoff validate`: well-formedness, schema and semantic rules, with diagnostics and reports.
        .target(name: "StandoffValidation", dependencies: ["StandoffModel", "StandoffXML", "StandoffTEI"]),
        // `standoff stats`: counts streamed from the reader, mergeable summaries, reports.
        .target(name: "StandoffStatistics", dependencies: ["StandoffModel", "StandoffTEI", "StandoffFormats"]),
        // `standoff agree`: agreement between annotators, spans, tokens, links, with intervals.
        .target(name: "StandoffAgreement", dependencies: ["StandoffModel", "StandoffTEI", "StandoffFormats"]),
        // `standoff export` and `import`: other tools' formats, one file each, losses counted.
        .target(name: "StandoffInterchange", dependencies: ["StandoffModel", "StandoffXML", "StandoffFormats"]),
        // Renderings of a document for people and programs: inline markup, ANSI colour, JSON records.
        .target(name: "StandoffFormats", dependencies: ["StandoffModel"]),
        // `standoff report`: self-contained HTML pages of a document, a comparison of annotators
        // or a corpus, from Mustache templates (Resources/), with statistics and agreement.
        .target(
            name: "StandoffReport",
            dependencies: ["StandoffModel", "StandoffStatistics", "StandoffAgreement", "StandoffFormats",
                           .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Resources")]
        ),
        // `standoff merge` and `review`: annotators' work into a gold file, proposals decided one by one.
        .target(name: "StandoffCuration", dependencies: ["StandoffModel", "StandoffTEI"]),
        // The `standoff` command: parses arguments, calls the library, formats output.
        .executableTarget(
            name: "standoff",
            dependencies: [
                "StandoffModel",
                "StandoffFiles",
                "StandoffTEI",
                "StandoffFormats",
                "StandoffValidation",
                "StandoffStatistics",
                "StandoffAgreement",
                "StandoffInterchange",
                "StandoffReport",
                "StandoffCuration",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Paths to fixtures, the seed and the TEI schema; temporary directories; running the CLI.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "StandoffModelTests", dependencies: ["StandoffModel", "TestSupport"]),
        .testTarget(name: "StandoffXMLTests", dependencies: ["StandoffXML", "TestSupport"]),
        .testTarget(name: "StandoffFilesTests", dependencies: ["StandoffFiles", "TestSupport"]),
        .testTarget(
            name: "StandoffTEITests",
            // StandoffValidation only for the rules' words of the facts the reader finds (Words.swift).
            dependencies: ["StandoffTEI", "StandoffModel", "StandoffValidation", "CLibXML2", "TestSupport"]
        ),
        .testTarget(name: "StandoffValidationTests", dependencies: ["StandoffValidation", "StandoffTEI", "StandoffModel", "TestSupport"]),
        .testTarget(name: "StandoffStatisticsTests", dependencies: ["StandoffStatistics", "StandoffTEI", "StandoffModel", "TestSupport"]),
        .testTarget(name: "StandoffAgreementTests", dependencies: ["StandoffAgreement", "StandoffModel", "TestSupport"]),
        .testTarget(name: "StandoffInterchangeTests", dependencies: ["StandoffInterchange", "StandoffModel", "StandoffTEI", "StandoffValidation", "TestSupport"]),
        .testTarget(name: "StandoffFormatsTests", dependencies: ["StandoffFormats", "StandoffModel", "StandoffTEI", "TestSupport"]),
        .testTarget(name: "StandoffReportTests", dependencies: ["StandoffReport", "StandoffModel", "StandoffTEI", "TestSupport"]),
        .testTarget(name: "StandoffCurationTests", dependencies: ["StandoffCuration", "StandoffModel", "StandoffTEI", "StandoffValidation", "TestSupport"]),
        .testTarget(name: "StandoffCLITests", dependencies: ["standoff", "StandoffFiles", "StandoffTEI", "StandoffModel", "TestSupport"]),
    ]
)
