import StandoffModel

/// What a UIMA CAS in XMI holds of each field, with Standoff's type system (docs/FORMATS.md,
/// checked by a test).
extension XMI: FieldTable {
    public static func carriage(of field: AnnotationField) -> Carriage {
        switch field {
        case .ranges: .carried("begin and end in UTF-16 code units")
        case .discontinuity: .carried("the extent as begin and end, the ranges in the ranges feature")
        case .layer: .carried("the type (standoff:Entity, …) and the layer feature")
        case .category: .carried("category feature")
        case .ref, .speaker, .holder, .target: .carried("a feature of the type (ref, speaker, holder, target); on other types, links")
        case .otherLinks: .carried("links feature")
        case .features: .carried("features feature (KEY=VALUE lines)")
        case .notes: .carried("notes feature")
        case .correction: .carried("correction feature")
        case .severity: .carried("severity feature")
        case .cue: .carried("cueBegin and cueEnd features")
        case .annotator: .carried("annotator feature")
        case .certainty: .carried("certainty feature")
        case .method: .carried("method feature")
        case .time: .carried("time feature")
        case .coAnnotators, .curation: .dropped("one annotator feature a span; no curation status in the type system")
        }
    }

    public static func carriage(of field: RegisterEntryField) -> Carriage {
        switch field {
        case .entry: .carried("the id links name")
        case .kind, .name, .aliases, .wikidata: .dropped("the type system has no register")
        }
    }

    public static func carriage(of field: TaxonomyField) -> Carriage {
        switch field {
        case .unusedCategory, .categoryDescription, .taxonomyDescription: .dropped("")
        }
    }

    public static func carriage(of field: DocumentField) -> Carriage {
        switch field {
        case .language: .carried("DocumentAnnotation's language")
        case .title, .annotatorNames: .dropped("")
        case .revisions, .keptMarkup, .keptAttributes, .paragraphGroupings: .dropped("TEI only")
        }
    }
}
