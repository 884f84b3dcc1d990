import StandoffModel

/// What FoLiA 2.5 holds of each field, as Standoff writes it (docs/FORMATS.md, checked by a test).
extension FoLiA: FieldTable {
    public static func carriage(of field: AnnotationField) -> Carriage {
        switch field {
        case .ranges: .partly("wrefs to whole words; spans cutting a word widened, spans across paragraphs dropped, both counted")
        case .discontinuity: .carried("the wrefs of every range")
        case .layer: .partly("entity, sentiment, observation; quotations and custom layers counted")
        case .category: .carried("class")
        case .ref, .speaker, .holder, .target, .otherLinks: .carried("desc, ROLE: TARGET")
        case .features: .carried("feat, the key as subset, the value as class")
        case .notes: .carried("comment")
        case .correction, .severity: .carried("desc")
        case .cue: .dropped("quotations are dropped")
        case .annotator: .carried("annotator")
        case .method: .carried("annotatortype (manual or auto)")
        case .time: .carried("datetime")
        case .coAnnotators, .curation: .dropped("FoLiA names one annotator a span and has no curation status")
        case .certainty: .dropped("FoLiA's confidence is a number; Standoff's certainty a word, not guessed")
        }
    }

    public static func carriage(of field: RegisterEntryField) -> Carriage {
        switch field {
        case .entry: .partly("a relation (class the id) in each annotation that links it; entries no written annotation links are counted")
        case .kind: .carried("feat subset kind in the relation")
        case .name: .carried("feat subset name in the relation")
        case .aliases: .carried("feat subset alias in the relation")
        case .wikidata: .carried("xlink:href of the relation, the Wikidata IRI")
        }
    }

    public static func carriage(of field: TaxonomyField) -> Carriage {
        switch field {
        case .unusedCategory, .categoryDescription, .taxonomyDescription: .dropped("sets are declared by IRI only")
        }
    }

    public static func carriage(of field: DocumentField) -> Carriage {
        switch field {
        case .title: .carried("meta title")
        case .language, .annotatorNames: .dropped("")
        case .revisions, .keptMarkup, .keptAttributes, .paragraphGroupings: .dropped("TEI only")
        }
    }
}
