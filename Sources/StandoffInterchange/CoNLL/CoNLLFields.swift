import StandoffModel

/// What CoNLL-2003 columns hold of each field: a tag a token, of one layer (docs/FORMATS.md,
/// checked by a test).
extension CoNLL: FieldTable {
    public static func carriage(of field: AnnotationField) -> Carriage {
        switch field {
        case .ranges: .partly("whole tokens; widened, empty and overlapping spans counted")
        case .discontinuity: .partly("one chunk a range, counted")
        case .layer: .partly("one layer a file; the others counted")
        case .category: .carried("the tag's type")
        case .ref, .speaker, .holder, .target, .otherLinks, .features, .notes, .correction, .severity, .cue: .dropped("a tag holds a type only")
        case .annotator, .certainty, .method, .time: .dropped("")
        case .coAnnotators, .curation: .dropped("")
        }
    }

    public static func carriage(of field: RegisterEntryField) -> Carriage {
        switch field {
        case .entry: .dropped("")
        case .kind, .name, .aliases, .wikidata: .dropped("")
        }
    }

    public static func carriage(of field: TaxonomyField) -> Carriage {
        switch field {
        case .unusedCategory, .categoryDescription, .taxonomyDescription: .dropped("")
        }
    }

    public static func carriage(of field: DocumentField) -> Carriage {
        switch field {
        case .title, .language, .annotatorNames: .dropped("")
        case .revisions, .keptMarkup, .keptAttributes, .paragraphGroupings: .dropped("TEI only")
        }
    }
}
