/// Content of the interchange file that the model does not understand, kept verbatim so that
/// reading a file and writing it back loses nothing.
///
/// The model never looks inside: each piece is opaque markup or an attribute, tied to a place
/// (an anchor string that only the format module interprets). Removing an annotation removes the
/// pieces anchored inside it.
public struct PreservedContent: Hashable, Sendable {
    /// A piece of foreign markup and where it stood.
    public struct Node: Hashable, Sendable {
        /// The known element it stood in.
        public var anchor: String
        /// The known sibling it followed, or `nil` if it came first.
        public var after: String?
        /// The markup, serialised by the format module.
        public var markup: String

        public init(anchor: String, after: String?, markup: String) {
            self.anchor = anchor
            self.after = after
            self.markup = markup
        }
    }

    /// A foreign attribute on a known element.
    public struct Attribute: Hashable, Sendable {
        public var prefix: String?
        public var namespace: String?
        public var localName: String
        public var value: String

        public init(prefix: String?, namespace: String?, localName: String, value: String) {
            self.prefix = prefix
            self.namespace = namespace
            self.localName = localName
            self.value = value
        }
    }

    /// Where an element that groups paragraphs (a TEI `<div>`) opens or closes, told by the
    /// paragraph it comes before: the paragraphs stay the model's, the grouping the format's.
    public struct ParagraphContainer: Hashable, Sendable {
        /// The paragraph (its index) the container opens or closes before; the paragraph count
        /// for one that closes after the last.
        public var beforeParagraph: Int
        /// The key of the element that opens here (the format's, like an anchor), or `nil` where
        /// the innermost open one closes.
        public var opening: String?

        public init(beforeParagraph: Int, opening: String?) {
            self.beforeParagraph = beforeParagraph
            self.opening = opening
        }
    }

    /// The anchor of content before the root element (`after` is `nil`) and after it.
    public static let outsideRoot = ""

    public var nodes: [Node] = []
    /// The elements that group paragraphs, opened and closed in file order (empty for a text
    /// whose paragraphs stand side by side).
    public var paragraphContainers: [ParagraphContainer] = []
    /// Foreign attributes by the anchor of the element that carried them.
    public var attributes: [String: [Attribute]] = [:]
    /// The annotation each anchor lies inside, for anchors inside an annotation.
    public var owners: [String: Identifier] = [:]
    /// The ids (xml:id) of kept elements: not the model's, but taken, so never given again.
    public var reservedIDs: Set<String> = []

    public init() {}

    public var isEmpty: Bool { nodes.isEmpty && attributes.isEmpty && paragraphContainers.isEmpty }

    /// Drops every piece that lies inside the annotation `id`.
    public mutating func removeAll(ownedBy id: Identifier) {
        let anchors = Set(owners.filter { $0.value == id }.keys)
        guard !anchors.isEmpty else { return }
        nodes.removeAll { anchors.contains($0.anchor) }
        for anchor in anchors {
            attributes[anchor] = nil
            owners[anchor] = nil
        }
    }
}
