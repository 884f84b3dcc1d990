import StandoffModel
import Testing

/// A taxonomy finds its categories by id, refuses a duplicate, and stays consistent when a
/// category is removed (through the document, which checks nothing uses it).
@Suite("Taxonomy")
struct TaxonomyTests {
    @Test func aLargeTaxonomyFindsEveryCategoryAndRefusesDuplicates() throws {
        let categories = (0..<20_000).map { Category(id: Identifier(stringLiteral: "topic\($0)"), description: "Topic \($0)") }
        var taxonomy = try Taxonomy(id: "topic", categories: categories)
        #expect(taxonomy.categories.count == 20_000)
        #expect(taxonomy.category("topic12345")?.description == "Topic 12345")
        #expect(taxonomy.category("topic20000") == nil)
        #expect(throws: ModelError.self) { try taxonomy.add(Category(id: "topic7", description: "again")) }
        #expect(throws: ModelError.self) { try Taxonomy(id: "t", categories: [Category(id: "a", description: ""), Category(id: "a", description: "")]) }
        try taxonomy.add(Category(id: "topic20000", description: "last"))
        #expect(taxonomy.category("topic20000")?.description == "last")
    }

    @Test func removingACategoryKeepsTheOthersFound() throws {
        var document = try Document(id: "doc", title: "t", text: SourceText("Some text."))
        try document.add(Taxonomy(id: "topic", categories: ["a", "b", "c", "d"].map { Category(id: Identifier(stringLiteral: $0), description: $0.uppercased()) }))
        try document.removeCategoryOrTaxonomy("b")
        let taxonomy = try #require(document.taxonomy("topic"))
        #expect(taxonomy.categories.map(\.id.rawValue) == ["a", "c", "d"])
        #expect(taxonomy.category("c")?.description == "C" && taxonomy.category("d")?.description == "D" && taxonomy.category("b") == nil)
        #expect(taxonomy == (try Taxonomy(id: "topic", categories: ["a", "c", "d"].map { Category(id: Identifier(stringLiteral: $0), description: $0.uppercased()) })))
    }
}
