import StandoffModel

/// The built-in layers as `--help` describes them, read from ``LayerDescription/builtIn``.
enum LayerHelp {
    /// `entity, quotation, stance, error`.
    static var names: String { LayerDescription.builtIn.map(\.layer.name).joined(separator: ", ") }

    /// One line a layer: its name and the options that fill its fields, with their values.
    static var optionLines: String {
        LayerDescription.builtIn.map { layer in
            let categories = layer.defaultTaxonomy?.categories.map(\.id.rawValue) ?? []
            // A long list is cut: the taxonomy in the file is the full list.
            let shown = categories.count > 9 ? categories.prefix(3).joined(separator: "|") + "|…" : categories.joined(separator: "|")
            let options = ["--\(layer.categoryName) \(shown)"]
                + layer.links.map { "--\($0.role) \($0.placeholder)" }
                + layer.fields.map { "--\($0.name) \($0.placeholder)" }
            return "  " + layer.layer.name.padding(toLength: 11, withPad: " ", startingAt: 0) + options.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
