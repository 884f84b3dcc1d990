import Foundation

/// Someone, or some program, responsible for annotations.
public struct Annotator: Hashable, Sendable {
    public let id: Identifier
    public var name: String
    /// What they did, as TEI's `<resp>` says it ("annotation" unless told otherwise).
    public var role: String

    public init(id: Identifier, name: String, role: String = "annotation") {
        self.id = id
        self.name = name
        self.role = role
    }
}

/// One entry in the document's history: who changed what, and when.
public struct Revision: Hashable, Sendable {
    public var time: Date?
    public var who: Identifier?
    public var description: String

    public init(time: Date?, who: Identifier?, description: String) {
        self.time = time
        self.who = who
        self.description = description
    }
}

/// Where the document's text came from: the file name and the SHA-256 recorded when it was made.
///
/// The recorded hash may differ from ``SourceText/sha256`` if the text drifted; validation reports that.
public struct SourceDescription: Hashable, Sendable {
    public var fileName: String
    public var sha256: String

    public init(fileName: String, sha256: String) {
        self.fileName = fileName
        self.sha256 = sha256
    }
}
