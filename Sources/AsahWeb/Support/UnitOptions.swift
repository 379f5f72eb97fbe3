import AsahCore

/// The unit filter of the directory and the impact dashboard: the unit tree (kept for a few
/// seconds, read again after any write) and its `<option>` list, indented by depth with the
/// chosen unit selected. The list is written here rather than through Mustache: a province
/// has 600 units, and Mustache's per-value look-ups made it most of a directory page's render.
enum UnitOptions {
    static func tree(_ services: Services) throws -> [UnitTreeEntry] {
        try services.unitTree.value { try People(database: services.database).unitTree() }
    }

    static func html(_ units: [UnitTreeEntry], selected: Int64?) -> String {
        var html = ""
        html.reserveCapacity(units.count * 80)
        for unit in units {
            html += "<option value=\"\(unit.id)\"\(unit.id == selected ? " selected" : "")>"
            html += HTMLEscape.escape(String(repeating: "\u{2003}", count: unit.depth) + unit.name) + "</option>"
        }
        return html
    }
}
