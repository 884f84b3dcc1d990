import StandoffModel

/// Readings that compete for one decision: linked by pairs that compete (same span, different
/// category or links or correction; or overlapping spans, alike but for their bounds) and that
/// no annotator made both of (whoever made both holds them compatible: a double reading).
/// A reading nobody else's competes with is a conflict of one.
struct Conflict {
    /// Positions in the readings, in the order of first appearance.
    var readings: [Int]
    var kinds: Set<ConflictKind>
}

enum ConflictFinder {
    /// The conflicts among `readings`, and how many pairs were compared (the work, which a test
    /// holds to the pairs whose extents overlap: a layer is swept in order of start, never compared whole).
    static func conflicts(among readings: [Reading]) -> (conflicts: [Conflict], comparisons: Int) {
        var parent = Array(readings.indices)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        var pairKinds: [(Int, Int, [ConflictKind])] = []
        var comparisons = 0
        var byLayer: [Layer: [Int]] = [:]
        for (position, reading) in readings.enumerated() { byLayer[reading.key.layer, default: []].append(position) }
        for (_, members) in byLayer {
            let sorted = members.sorted { readings[$0].extent < readings[$1].extent }
            var active: [Int] = []
            for member in sorted {
                let start = readings[member].extent.start
                active.removeAll { readings[$0].extent.end <= start }
                for other in active {
                    comparisons += 1
                    // An annotator who made both readings holds them compatible (a double reading).
                    if readings[other].supporters.contains(where: readings[member].supporters.contains) { continue }
                    let kinds = competition(readings[other].key, readings[member].key)
                    if !kinds.isEmpty {
                        pairKinds.append((other, member, kinds))
                        let (a, b) = (root(other), root(member))
                        if a != b { parent[max(a, b)] = min(a, b) }
                    }
                }
                active.append(member)
            }
        }
        var conflictOfRoot: [Int: Int] = [:]
        var conflicts: [Conflict] = []
        for position in readings.indices {
            let r = root(position)
            if let existing = conflictOfRoot[r] {
                conflicts[existing].readings.append(position)
            } else {
                conflictOfRoot[r] = conflicts.count
                conflicts.append(Conflict(readings: [position], kinds: []))
            }
        }
        for (a, _, kinds) in pairKinds { conflicts[conflictOfRoot[root(a)]!].kinds.formUnion(kinds) }
        return (conflicts, comparisons)
    }

    /// Why two readings of one layer compete, or nothing if they do not (they are apart, or
    /// one is a different kind of thing inside the other: a place in a person's title).
    static func competition(_ a: ReadingKey, _ b: ReadingKey) -> [ConflictKind] {
        if a.ranges == b.ranges {
            var kinds: [ConflictKind] = []
            if a.category != b.category { kinds.append(.category) }
            if a.correction != b.correction { kinds.append(.correction) }
            if a.links != b.links {
                let roles = Set(a.links.map(\.role)).union(b.links.map(\.role)).filter { role in
                    a.links.filter { $0.role == role } != b.links.filter { $0.role == role }
                }
                for role in roles.sorted() {
                    let kind: ConflictKind = switch role {
                    case LinkRole.speaker.name: .speaker
                    case LinkRole.holder.name: .holder
                    case LinkRole.target.name: .target
                    case LinkRole.ref.name: .ref
                    default: .links
                    }
                    if !kinds.contains(kind) { kinds.append(kind) }
                }
            }
            return kinds
        }
        guard a.category == b.category, a.links == b.links, a.correction == b.correction, overlap(a.ranges, b.ranges) else { return [] }
        return [.boundaries]
    }

    static func overlap(_ a: [TextRange], _ b: [TextRange]) -> Bool {
        a.contains { x in b.contains { y in x.start < y.end && y.start < x.end } }
    }
}
