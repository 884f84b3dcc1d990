import StandoffModel
import Testing

@Suite("Layers described once")
struct LayerDescriptionTests {
    @Test func everyBuiltInLayerIsDescribedOnceWithItsOwnPrefixAndTaxonomy() {
        #expect(LayerDescription.builtIn.map(\.layer) == Layer.builtIn)
        #expect(Set(LayerDescription.builtIn.map(\.idPrefix)).count == Layer.builtIn.count)
        #expect(Layer.builtIn.map(\.idPrefix) == ["ent", "quo", "sta", "err"])
        for layer in LayerDescription.builtIn {
            #expect(layer.defaultTaxonomy?.id == layer.layer.taxonomyID, "\(layer.layer)")
            #expect(!(layer.defaultTaxonomy?.categories.isEmpty ?? true))
        }
        #expect(Layer.stance.details.categoryName == "polarity")
    }

    @Test func aCustomLayerUsesItsNameAsPrefixAndJudgesNoLinks() throws {
        let custom = try Layer("topic")
        #expect(custom.idPrefix == "topic")
        #expect(custom.details.motivation == "tagging")
        #expect(custom.details.link(.ref) == nil)
    }

    @Test(arguments: [
        (Layer.entity, LinkRole.ref, "PER" as String?, DeclaredKind.entry(.person), true),
        (.entity, .ref, "PER", .entry(.organisation), false),
        (.entity, .ref, "NORP", .entry(.organisation), true),
        (.entity, .ref, "MISC", .entry(.place), true),
        (.entity, .ref, "PER", .paragraph, false),
        (.quotation, .speaker, "direct", .entry(.organisation), true),
        (.quotation, .speaker, "direct", .entry(.place), false),
        (.stance, .holder, "favor", .category, false),
        (.stance, .target, "favor", .category, true),
        (.stance, .target, "favor", .annotation, true),
        (.stance, .target, "favor", .paragraph, false),
    ])
    func linksPointAtWhatTheTableAllows(layer: Layer, role: LinkRole, category: String?, kind: DeclaredKind, allowed: Bool) throws {
        let rule = try #require(layer.details.link(role))
        let expectation = try #require(rule.expectation(forCategory: category.map { try! Identifier($0) }))
        #expect(expectation.allows(kind) == allowed)
    }

    @Test func anEntityWithoutACategoryIsNotJudgedAndOtherRolesHaveNoRule() {
        #expect(Layer.entity.details.link(.ref)?.expectation(forCategory: nil) == nil)
        #expect(Layer.entity.details.link(.speaker) == nil)
        #expect(Layer.error.details.links.isEmpty)
    }
}
