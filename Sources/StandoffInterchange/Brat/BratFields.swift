import StandoffModel

/// What brat's standoff format holds of each field (docs/FORMATS.md, checked by a test).
extension Brat: FieldTable {
    public static func carriage(of field: AnnotationField) -> Carriage {
        switch field {
        case .ranges: .carried("T line offsets (a span across a line break as its pieces)")
        case .discontinuity: .carried("T line fragments (;)")
        case .layer: .carried("T line type (an entity's is its category)")
        case .category: .carried("T type for entities, A Category otherwise")
        case .ref: .carried("N Reference Register:ID (and Wikidata:Q…)")
        case .speaker, .holder, .target, .otherLinks: .carried("AnnotatorNotes ROLE: TARGET, with an R arc to the annotation or nearest mention")
        case .features: .carried("AnnotatorNotes feature: KEY=VALUE (Reference:DB features as N lines)")
        case .notes: .carried("AnnotatorNotes")
        case .correction: .carried("AnnotatorNotes correction: …")
        case .severity: .carried("A Severity")
        case .cue: .carried("T Cue with an R Cue arc")
        case .annotator, .certainty, .method, .time: .dropped("brat keeps no provenance")
        case .coAnnotators, .curation: .dropped("brat keeps no provenance")
        }
    }

    public static func carriage(of field: RegisterEntryField) -> Carriage {
        switch field {
        case .entry: .partly("as the N lines of its mentions; entries nothing links to are counted")
        case .kind: .carried("from the category of its mentions on import")
        case .name: .partly("the N line's text; entries linked only as speaker, holder or target are counted")
        case .aliases: .dropped("")
        case .wikidata: .carried("N Reference Wikidata:Q…")
        }
    }

    public static func carriage(of field: TaxonomyField) -> Carriage {
        switch field {
        case .unusedCategory, .categoryDescription, .taxonomyDescription: .dropped("annotation.conf is not written")
        }
    }

    public static func carriage(of field: DocumentField) -> Carriage {
        switch field {
        case .title, .language, .annotatorNames: .dropped("")
        case .revisions, .keptMarkup, .keptAttributes, .paragraphGroupings: .dropped("TEI only")
        }
    }
}
