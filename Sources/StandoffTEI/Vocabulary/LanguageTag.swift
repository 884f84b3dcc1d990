/// BCP 47 language tags as `xml:lang` holds them: the form XML Schema's `language` type (and so
/// the TEI schema) accepts: letters, then hyphen-separated parts of letters and digits, each of
/// one to eight.
public enum LanguageTag {
    public static func isWellFormed(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, !tag.isEmpty else { return false }
        func ok(_ part: Substring, digits: Bool) -> Bool {
            (1...8).contains(part.count) && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || (digits && ("0"..."9").contains($0)) }
        }
        return ok(first, digits: false) && parts.dropFirst().allSatisfy { ok($0, digits: true) }
    }
}
