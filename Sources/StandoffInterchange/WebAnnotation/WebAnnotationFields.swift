import StandoffModel

/// What a W3C Web Annotation collection holds of each field (docs/FORMATS.md, checked by a test).
extension WebAnnotation: FieldTable {
    public static func carriage(of field: AnnotationField) -> Carriage {
        switch field {
        case .ranges: .carried("TextPositionSelector and TextQuoteSelector")
        case .discontinuity: .carried("one target a range")
        case .layer: .carried("motivation and standoff:layer")
        case .category: .carried("TextualBody, purpose tagging")
        case .ref, .speaker, .holder, .target, .otherLinks: .carried("SpecificResource body with its role (sameAs the Wikidata IRI)")
        case .features: .carried("TextualBody, purpose describing, with its standoff:feature")
        case .notes: .carried("TextualBody, purpose commenting")
        case .correction: .carried("TextualBody, purpose editing")
        case .severity: .carried("standoff:severity")
        case .cue: .carried("standoff:cue")
        case .annotator: .carried("creator")
        case .certainty: .carried("standoff:certainty")
        case .method: .carried("standoff:method")
        case .time: .carried("created")
        case .coAnnotators, .curation: .dropped("one creator an annotation; no curation status in the vocabulary")
        }
    }

    public static func carriage(of field: RegisterEntryField) -> Carriage {
        switch field {
        case .entry: .carried("the IRI links point at")
        case .wikidata: .carried("sameAs on every link to it")
        case .kind, .name, .aliases: .dropped("an entry is an IRI")
        }
    }

    public static func carriage(of field: TaxonomyField) -> Carriage {
        switch field {
        case .unusedCategory, .categoryDescription, .taxonomyDescription: .dropped("")
        }
    }

    public static func carriage(of field: DocumentField) -> Carriage {
        switch field {
        case .title: .carried("the collection's label")
        case .annotatorNames: .carried("the creator's name")
        case .language: .dropped("")
        case .revisions, .keptMarkup, .keptAttributes, .paragraphGroupings: .dropped("TEI only")
        }
    }
}
