import StandoffModel

/// The table `standoff list` prints: id, layer, category, range, the text at the range now,
/// and details; columns measured in terminal columns (``DisplayWidth``). An annotation whose
/// recorded snapshot differs from the text now is flagged in its details and counted below.
public enum AnnotationTable {
    public static func render(_ annotations: [Annotation], in document: Document) -> String {
        let header = ["ID", "LAYER", "CATEGORY", "RANGE", "TEXT", "DETAILS"]
        var mismatches = 0
        let rows = annotations.map { annotation -> [String] in
            let now = document.textNow(of: annotation)
            var details: [String] = annotation.links.map { "\($0.role)=\($0.target)" }
            if let severity = annotation.severity { details.append("severity=\(severity.rawValue)") }
            if let correction = annotation.correction { details.append("correction=\"\(correction)\"") }
            if !annotation.cue.isEmpty { details.append("cue=\(annotation.cue.map(\.description).joined(separator: ","))") }
            if now != annotation.snapshot {
                mismatches += 1
                details.insert("≠ recorded \"\(DisplayWidth.truncate(annotation.coveredText, to: 40))\"", at: 0)
            }
            return [
                annotation.id.rawValue, annotation.layer.name, annotation.category?.rawValue ?? "-",
                annotation.ranges.map(\.description).joined(separator: ","),
                DisplayWidth.truncate(now.joined(separator: " … ").replacingOccurrences(of: "\n", with: "⏎"), to: 50),
                details.joined(separator: " "),
            ]
        }
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        let lines = all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : DisplayWidth.pad(cell, to: widths[column])
            }.joined(separator: "  ").trimmingTrailingSpaces
        }
        var footer = "\(annotations.count) annotation\(annotations.count == 1 ? "" : "s")"
        if mismatches > 0 {
            footer += "; \(mismatches) with text that differs from the recorded snapshot (≠): check with `standoff validate` (SO402)"
        }
        return (lines + [footer]).joined(separator: "\n")
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
