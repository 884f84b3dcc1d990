/// The name a misspelt one was probably meant to be, for "did you mean …?" hints.
public enum NameSuggestion {
    /// The closest name to `name`, counting a letter added, dropped or changed, or two
    /// neighbouring letters swapped, as one edit, and a difference of case alone as none.
    /// Names in `preferred` (those Standoff reads where the name stands) win over `others` at
    /// the same distance. `nil` when nothing is close enough for the suggestion to help: at most
    /// one edit for names of up to four letters, two up to eight, three beyond.
    public static func closest(to name: String, preferring preferred: [String], among others: Set<String>) -> String? {
        let wanted = Array(name.lowercased().utf8)
        let allowed = wanted.count <= 4 ? 1 : wanted.count <= 8 ? 2 : 3
        var best: (name: String, distance: Int)?
        func consider(_ candidate: String) {
            guard candidate != name else { return }
            let distance = editDistance(wanted, Array(candidate.lowercased().utf8), limit: allowed)
            guard distance <= allowed, distance < best?.distance ?? Int.max else { return }
            best = (candidate, distance)
        }
        for candidate in preferred { consider(candidate) }
        // Sorted, so that of two names at the same distance the same one is always chosen.
        for candidate in others.sorted() { consider(candidate) }
        return best?.name
    }

    /// The optimal string alignment distance between `a` and `b`, or `limit + 1` as soon as
    /// it is known to be larger than `limit`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        guard abs(a.count - b.count) <= limit else { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, beforePrevious[j - 2] + 1) }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
