import StandoffModel

/// What TEI with inline markup holds of each field, as Standoff writes it (docs/FORMATS.md,
/// checked by a test).
extension InlineTEI: FieldTable {
    public static func carriage(of field: AnnotationField) -> Carriage {
        switch field {
        case .ranges: .partly("the element's content (fragments joined by @next/@prev where markup must nest); spans edged with white space counted")
        case .discontinuity: .carried("fragments joined by @next/@prev")
        case .layer: .carried("the element (persName, said, choice, seg @type)")
        case .category: .carried("@type or @ana")
        case .ref: .partly("@ref of an entity, @corresp of a custom layer's seg; links to annotations and on other elements counted")
        case .speaker: .partly("@who; unknown speakers, links to annotations and speakers of other layers counted")
        case .holder, .target: .partly("@corresp of a stance's seg, the holder first; second holders, links to annotations and on other layers counted")
        case .otherLinks: .dropped("inline elements have no attribute for them")
        case .features, .notes: .dropped("")
        case .correction: .carried("corr in choice")
        case .severity: .carried("@ana")
        case .cue: .dropped("")
        case .annotator, .certainty, .method, .time: .dropped("")
        case .coAnnotators, .curation: .dropped("")
        }
    }

    public static func carriage(of field: RegisterEntryField) -> Carriage {
        switch field {
        case .entry, .kind, .name, .aliases: .carried("listPerson, listOrg, listPlace in standOff")
        case .wikidata: .carried("idno type=wikidata")
        }
    }

    public static func carriage(of field: TaxonomyField) -> Carriage {
        switch field {
        case .unusedCategory, .categoryDescription: .carried("classDecl")
        case .taxonomyDescription: .dropped("")
        }
    }

    public static func carriage(of field: DocumentField) -> Carriage {
        switch field {
        case .title: .carried("titleStmt")
        case .language: .carried("@xml:lang")
        case .annotatorNames: .dropped("")
        case .revisions, .keptMarkup, .keptAttributes, .paragraphGroupings: .dropped("TEI only")
        }
    }
}
