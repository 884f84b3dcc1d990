import Foundation

/// An annotated document: the immutable text and everything that points into it.
///
/// `Document` keeps its invariants on every edit: ids are unique across the document, ranges lie
/// within the text and never begin or end on a paragraph break, categories are declared in the
/// layer's taxonomy, links resolve, and annotators are declared.
public struct Document: Sendable {
    public var id: Identifier
    public var title: String
    /// How the file is published or may be shared, as one sentence (TEI's `publicationStmt`).
    public var publicationStatement = "Unpublished; annotated with Standoff."
    /// A BCP 47 language tag such as `en`.
    public var language: String
    public let text: SourceText
    /// One id per paragraph of ``text``, in order.
    public let paragraphIDs: [Identifier]
    public var source: SourceDescription
    public private(set) var annotators: [Annotator] = []
    public private(set) var registers: [Register] = EntryKind.allCases.map { Register(kind: $0) }
    public private(set) var taxonomies: [Taxonomy] = []
    /// In the order they were added; ``sortedAnnotations(in:)`` gives the canonical order.
    public private(set) var annotations: [Annotation] = []
    public var revisions: [Revision] = []
    public var preserved = PreservedContent()

    /// What each id in the document names, and where an annotation stands in ``annotations``:
    /// one table, so that adding an annotation is one insertion.
    private var declared: [Identifier: Declaration] = [:]

    private struct Declaration {
        var kind: DeclaredKind
        /// The position in ``annotations`` for an annotation, in its register for an entry; -1 otherwise.
        var position = -1
    }

    /// Indexes over ``annotations`` for checks and exports that look at many at once, kept up
    /// to date by every edit.
    public private(set) var index = AnnotationIndex()

    /// The taxonomy of each declared category.
    private var categoryTaxonomy: [Identifier: Identifier] = [:]
    /// The categories (with their layers) ``add(_:checkingLinks:)`` checked last, and the
    /// annotator: neighbouring annotations mostly use a few, and none can be undeclared.
    private var checkedCategories: [(category: Identifier, layer: Layer)] = []
    private var lastCheckedAnnotator: Identifier?
    /// The position of each paragraph id in ``paragraphIDs``.
    private let paragraphPositions: [Identifier: Int]

    /// Creates a document over `text`, with paragraph ids `p1`, `p2`, … unless given.
    public init(
        id: Identifier, title: String, language: String = "en", text: SourceText,
        paragraphIDs: [Identifier]? = nil, source: SourceDescription? = nil,
        taxonomies: [Taxonomy] = Taxonomy.defaults
    ) throws(ModelError) {
        self.id = id
        self.title = title
        self.language = language
        self.text = text
        let ids = paragraphIDs ?? (1...text.paragraphs.count).map { Identifier(stringLiteral: "p\($0)") }
        precondition(ids.count == text.paragraphs.count, "one id per paragraph")
        self.paragraphIDs = ids
        self.paragraphPositions = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        self.source = source ?? SourceDescription(fileName: "", sha256: text.sha256)
        if let clash = Self.clash(ofDocumentID: id.rawValue, paragraphIDs: ids, taxonomies: taxonomies) { throw .documentIDInUse(id, by: clash) }
        try declare(id, as: .document)
        for paragraph in ids { try declare(paragraph, as: .paragraph) }
        for taxonomy in taxonomies { try add(taxonomy) }
    }

    // MARK: Looking things up

    /// What kind of thing an id names, if anything.
    public func kind(of id: Identifier) -> DeclaredKind? { declared[id]?.kind }

    public func annotation(_ id: Identifier) -> Annotation? { position(ofAnnotation: id).map { annotations[$0] } }

    /// Where the annotation `id` stands in ``annotations``.
    public func position(ofAnnotation id: Identifier) -> Int? {
        guard let declaration = declared[id], declaration.kind == .annotation else { return nil }
        return declaration.position
    }

    public func register(_ kind: EntryKind) -> Register { registers[EntryKind.allCases.firstIndex(of: kind)!] }

    public func entry(_ id: Identifier) -> RegisterEntry? {
        guard let declaration = declared[id], case .entry(let kind) = declaration.kind else { return nil }
        let entries = register(kind).entries
        // Found by its position (kept for entries as for annotations): registers run to thousands.
        if entries.indices.contains(declaration.position), entries[declaration.position].id == id { return entries[declaration.position] }
        return entries.first { $0.id == id }
    }

    public func taxonomy(_ id: Identifier) -> Taxonomy? { taxonomies.first { $0.id == id } }

    /// The taxonomy that declares `category`, if any.
    public func taxonomy(declaring category: Identifier) -> Identifier? { categoryTaxonomy[category] }

    public func annotator(_ id: Identifier) -> Annotator? { annotators.first { $0.id == id } }

    public func paragraphIndex(of id: Identifier) -> Int? {
        guard declared[id]?.kind == .paragraph else { return nil }
        return paragraphPositions[id]
    }

    /// The layers that have annotations, in canonical order.
    public var layers: [Layer] { index.layers }

    /// The positions in ``annotations`` of the annotations of `layer`, in order.
    public func positions(of layer: Layer) -> [Int] { index.positions(of: layer) }

    /// Annotations in canonical order: by layer, then start offset, then id.
    public func sortedAnnotations(in layer: Layer? = nil) -> [Annotation] {
        let chosen = layer.map { positions(of: $0).map { annotations[$0] } } ?? annotations
        return chosen.sorted { a, b in
            if a.layer != b.layer { return a.layer < b.layer }
            if a.start != b.start { return a.start < b.start }
            return a.id < b.id
        }
    }

    // MARK: Editing

    public mutating func declare(_ annotator: Annotator) throws(ModelError) {
        try declare(annotator.id, as: .annotator)
        annotators.append(annotator)
    }

    public mutating func add(_ entry: RegisterEntry) throws(ModelError) {
        try declare(entry.id, as: .entry(entry.kind), position: registers[EntryKind.allCases.firstIndex(of: entry.kind)!].entries.count)
        registers[EntryKind.allCases.firstIndex(of: entry.kind)!].entries.append(entry)
    }

    public mutating func add(_ taxonomy: Taxonomy) throws(ModelError) {
        try declare(taxonomy.id, as: .taxonomy)
        for category in taxonomy.categories {
            do throws(ModelError) { try declare(category.id, as: .category) } catch {
                declared[taxonomy.id] = nil
                for earlier in taxonomy.categories.prefix(while: { $0.id != category.id }) {
                    declared[earlier.id] = nil
                    categoryTaxonomy[earlier.id] = nil
                }
                throw error
            }
            categoryTaxonomy[category.id] = taxonomy.id
        }
        taxonomies.append(taxonomy)
    }

    /// Adds a category to a declared taxonomy.
    public mutating func add(_ category: Category, to taxonomyID: Identifier) throws(ModelError) {
        guard let index = taxonomies.firstIndex(where: { $0.id == taxonomyID }) else { throw .undeclaredTaxonomy(taxonomyID) }
        try declare(category.id, as: .category)
        try taxonomies[index].add(category)
        categoryTaxonomy[category.id] = taxonomyID
    }

    /// Makes room for `count` more annotations, so that adding many does not grow the indexes
    /// again and again.
    public mutating func reserveCapacity(forAnnotations count: Int) {
        annotations.reserveCapacity(annotations.count + count)
        declared.reserveCapacity(declared.count + count)
        index.reserveCapacity(count)
    }

    /// Adds an annotation after checking it against the document, and returns it as stored
    /// (ranges sorted, snapshot taken from the text if none was given).
    ///
    /// With `checkingLinks: false` links may point at ids declared later (a reader adding
    /// annotations in file order); call ``unresolvedLinks()`` once everything is in.
    @discardableResult
    public mutating func add(_ annotation: Annotation, checkingLinks: Bool = true) throws(ModelError) -> Annotation {
        var annotation = annotation
        // Assign only what changes: an annotation shares its storage with the caller's copy,
        // and an assignment would copy it.
        let ranges = try checkedRanges(annotation.ranges)
        if ranges.count > 1 { annotation.ranges = ranges }
        if !annotation.cue.isEmpty {
            let cue = try checkedRanges(annotation.cue)
            if cue.count > 1 { annotation.cue = cue }
        }
        // A snapshot taken now matches; a given one is compared once it is known to be added.
        let snapshotGiven = !annotation.snapshot.isEmpty
        if !snapshotGiven { annotation.snapshot = annotation.ranges.map { text[$0] } }
        if let category = annotation.category, !checkedCategories.contains(where: { $0.category == category && $0.layer == annotation.layer }) {
            try checkCategory(category, in: annotation.layer.taxonomyID)
            if checkedCategories.count == 8 { checkedCategories.removeFirst() }
            checkedCategories.append((category, annotation.layer))
        }
        if let severity = annotation.severity, categoryTaxonomy[Identifier(stringLiteral: severity.rawValue)] != Taxonomy.severityID {
            try checkCategory(Identifier(stringLiteral: severity.rawValue), in: Taxonomy.severityID)
        }
        if let annotator = annotation.provenance.annotator, annotator != lastCheckedAnnotator {
            guard declared[annotator]?.kind == .annotator else { throw .unknownAnnotator(annotator) }
            lastCheckedAnnotator = annotator
        }
        if annotation.provenance.annotators.count > 1 || !annotation.history.isEmpty { try checkAnnotators(of: annotation) }
        if checkingLinks {
            for link in annotation.links {
                if case .id(let target) = link.target, declared[target] == nil {
                    throw .unresolvedLink(role: link.role.name, target: target)
                }
            }
            if !annotation.links.isEmpty, let misdirected = misdirectedLinks(of: annotation).first { throw .misdirectedLink(misdirected) }
        }
        try declare(annotation.id, as: .annotation, position: annotations.count)
        let drifted = snapshotGiven && !text.matches(annotation.snapshot, at: annotation.ranges)
        index.add(annotation, at: annotations.count, drifted: drifted)
        annotations.append(annotation)
        return annotation
    }

    /// The checks ``add(_:checkingLinks:)`` makes without links, of an annotation that is not
    /// kept (a reader streaming a file checks each as it goes): ranges and cue, category,
    /// severity, annotators, and an id neither declared nor in `seen`, the ids of the annotations
    /// checked before it (this one's is added).
    public func check(_ annotation: Annotation, among seen: inout Set<Identifier>) throws(ModelError) {
        _ = try checkedRanges(annotation.ranges)
        if !annotation.cue.isEmpty { _ = try checkedRanges(annotation.cue) }
        if let category = annotation.category { try checkCategory(category, in: annotation.layer.taxonomyID) }
        if let severity = annotation.severity { try checkCategory(Identifier(stringLiteral: severity.rawValue), in: Taxonomy.severityID) }
        try checkAnnotators(of: annotation)
        if let existing = declared[annotation.id] { throw .duplicateID(annotation.id, existing: existing.kind.description) }
        guard seen.insert(annotation.id).inserted else { throw .duplicateID(annotation.id, existing: DeclaredKind.annotation.description) }
    }

    /// Checks that everyone an annotation names (its annotators, who proposed or decided) is declared.
    private func checkAnnotators(of annotation: Annotation) throws(ModelError) {
        for annotator in annotation.provenance.annotators where declared[annotator]?.kind != .annotator { throw .unknownAnnotator(annotator) }
        for step in annotation.history {
            for annotator in step.who where declared[annotator]?.kind != .annotator { throw .unknownAnnotator(annotator) }
        }
    }

    /// Puts `annotation` in the place of the annotation with its id, after the checks of
    /// ``add(_:checkingLinks:)``; its position, and every link to it, stay. Returns it as stored
    /// (a snapshot taken from the text where its ranges changed).
    @discardableResult
    public mutating func replaceAnnotation(_ annotation: Annotation) throws(ModelError) -> Annotation {
        guard let position = position(ofAnnotation: annotation.id) else { throw .annotationNotFound(annotation.id) }
        var annotation = annotation
        let ranges = try checkedRanges(annotation.ranges)
        if ranges != annotation.ranges { annotation.ranges = ranges }
        if !annotation.cue.isEmpty { annotation.cue = try checkedRanges(annotation.cue) }
        if annotation.ranges != annotations[position].ranges || annotation.snapshot.isEmpty { annotation.snapshot = annotation.ranges.map { text[$0] } }
        if let category = annotation.category { try checkCategory(category, in: annotation.layer.taxonomyID) }
        if let severity = annotation.severity { try checkCategory(Identifier(stringLiteral: severity.rawValue), in: Taxonomy.severityID) }
        try checkAnnotators(of: annotation)
        for link in annotation.links {
            if case .id(let target) = link.target, declared[target] == nil { throw .unresolvedLink(role: link.role.name, target: target) }
        }
        if !annotation.links.isEmpty, let misdirected = misdirectedLinks(of: annotation).first { throw .misdirectedLink(misdirected) }
        annotations[position] = annotation
        index.replace(at: position, in: annotations, drifted: !text.matches(annotation.snapshot, at: annotation.ranges))
        return annotation
    }

    /// Links whose target is not declared, as (annotation id, link).
    public func unresolvedLinks() -> [(annotation: Identifier, link: Link)] {
        annotations.flatMap { annotation in
            annotation.links.compactMap { link in
                if case .id(let target) = link.target, declared[target] == nil { return (annotation.id, link) }
                return nil
            }
        }
    }

    /// Removes an annotation that no other annotation links to, and returns it.
    @discardableResult
    public mutating func removeAnnotation(_ id: Identifier) throws(ModelError) -> Annotation {
        guard let position = position(ofAnnotation: id) else { throw .annotationNotFound(id) }
        let referrers = annotations.filter { $0.links.contains { $0.target == .id(id) } }.map(\.id)
        guard referrers.isEmpty else { throw .stillReferenced(id, by: referrers) }
        let removed = annotations.remove(at: position)
        preserved.removeAll(ownedBy: id)
        declared[id] = nil
        for later in position..<annotations.count { declared[annotations[later].id]?.position = later }
        index.remove(at: position, leaving: annotations)
        return removed
    }

    /// Removes a register entry that no annotation links to, and returns it.
    @discardableResult
    public mutating func removeEntry(_ id: Identifier) throws(ModelError) -> RegisterEntry {
        guard case .entry(let kind) = declared[id]?.kind,
              let register = registers.firstIndex(where: { $0.kind == kind }),
              let position = registers[register].entries.firstIndex(where: { $0.id == id }) else { throw .entryNotFound(id) }
        let referrers = annotations.filter { $0.links.contains { $0.target == .id(id) } }.map(\.id)
        guard referrers.isEmpty else { throw .stillReferenced(id, by: referrers) }
        declared[id] = nil
        preserved.removeAll(ownedBy: id)
        let removed = registers[register].entries.remove(at: position)
        for later in position..<registers[register].entries.count { declared[registers[register].entries[later].id]?.position = later }
        return removed
    }

    /// Removes a category that no annotation uses (as its category, its severity or a link); the
    /// last category of a taxonomy takes the taxonomy with it (TEI has no empty taxonomy). Given
    /// a taxonomy's id, removes the taxonomy with all its categories, if none is used.
    /// Returns the ids removed.
    @discardableResult
    public mutating func removeCategoryOrTaxonomy(_ id: Identifier) throws(ModelError) -> [Identifier] {
        let taxonomyID: Identifier
        let removing: [Identifier]
        switch declared[id]?.kind {
        case .category?:
            taxonomyID = categoryTaxonomy[id]!
            removing = [id]
        case .taxonomy?:
            taxonomyID = id
            removing = taxonomy(id)!.categories.map(\.id)
        default:
            throw .categoryNotFound(id)
        }
        let users = annotations.filter { annotation in
            removing.contains { category in
                annotation.category == category || annotation.severity?.rawValue == category.rawValue && taxonomyID == Taxonomy.severityID
                    || annotation.links.contains { $0.target == .id(category) }
            }
        }.map(\.id)
        guard users.isEmpty else { throw .stillReferenced(id, by: users) }
        let index = taxonomies.firstIndex { $0.id == taxonomyID }!
        for category in removing {
            declared[category] = nil
            categoryTaxonomy[category] = nil
            taxonomies[index].remove(category)
        }
        checkedCategories.removeAll()
        if taxonomies[index].categories.isEmpty {
            declared[taxonomyID] = nil
            taxonomies.remove(at: index)
            return removing + (removing.contains(taxonomyID) ? [] : [taxonomyID])
        }
        return removing
    }

    // MARK: Invariants

    private mutating func declare(_ id: Identifier, as kind: DeclaredKind, position: Int = -1) throws(ModelError) {
        if preserved.reservedIDs.contains(id.rawValue) { throw .duplicateID(id, existing: "element Standoff keeps without reading") }
        if let existing = declared.updateValue(Declaration(kind: kind, position: position), forKey: id) {
            declared[id] = existing
            throw .duplicateID(id, existing: existing.kind.description)
        }
    }

    private func checkCategory(_ category: Identifier, in taxonomyID: Identifier) throws(ModelError) {
        guard categoryTaxonomy[category] == taxonomyID else {
            throw .undeclaredCategory(category, taxonomy: taxonomyID, declared: taxonomy(taxonomyID)?.categories.map(\.id) ?? [])
        }
    }

    /// Sorts ranges and checks each lies within the text, is not empty, does not begin or end
    /// on a paragraph break, and does not overlap another.
    private func checkedRanges(_ ranges: [TextRange]) throws(ModelError) -> [TextRange] {
        guard !ranges.isEmpty else { throw .emptyRange(TextRange(unchecked: 0, 0)) }
        let sorted = ranges.count == 1 ? ranges : ranges.sorted()
        for range in sorted {
            try text.check(range)
            if text.isParagraphBreak(range.start) || text.isParagraphBreak(range.end - 1) {
                throw .rangeEdgeOnParagraphBreak(range)
            }
        }
        for (a, b) in zip(sorted, sorted.dropFirst()) where a.overlaps(b) { throw .overlappingRanges(a, b) }
        return sorted
    }
}
