import StandoffModel

/// What Standoff's JSON Lines holds of each field: everything but what only TEI has
/// (docs/FORMATS.md, checked by a test).
extension JSONLines: FieldTable {
    public static func carriage(of field: AnnotationField) -> Carriage {
        switch field {
        case .ranges: .carried("start and end of a span")
        case .discontinuity: .carried("one span a range, with part and parts")
        case .layer: .carried("layer")
        case .category: .carried("label")
        case .ref, .speaker, .holder, .target, .otherLinks: .carried("links, by role")
        case .features: .carried("features")
        case .notes: .carried("notes")
        case .correction: .carried("correction")
        case .severity: .carried("severity")
        case .cue: .carried("cue")
        case .annotator: .carried("annotator")
        case .certainty: .carried("cert")
        case .method: .carried("method")
        case .time: .carried("time")
        case .coAnnotators, .curation: .dropped("only TEI holds them: a record names one annotator and no curation steps")
        }
    }

    public static func carriage(of field: RegisterEntryField) -> Carriage {
        switch field {
        case .entry, .kind, .name, .aliases, .wikidata: .carried("registers")
        }
    }

    public static func carriage(of field: TaxonomyField) -> Carriage {
        switch field {
        case .unusedCategory, .categoryDescription, .taxonomyDescription: .carried("taxonomies")
        }
    }

    public static func carriage(of field: DocumentField) -> Carriage {
        switch field {
        case .title: .carried("title")
        case .language: .carried("lang")
        case .annotatorNames: .carried("annotators")
        case .revisions, .keptMarkup, .keptAttributes, .paragraphGroupings: .dropped("TEI only")
        }
    }
}
