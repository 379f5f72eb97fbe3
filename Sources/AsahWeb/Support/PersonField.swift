import AsahCore

/// A person typed into a form by name or NIP: the suggestions a `<datalist>` offers as one types
/// (plain HTML, no script needed), and the choice asked for when a name fits several people.
enum PersonField {
    /// Suggestions: the NIP as the value, the name and unit as the label.
    static func options(_ entries: [DirectoryEntry]) -> [[String: String]] {
        entries.map { ["value": $0.nip, "label": $0.name + ($0.unitName.map { " — " + $0 } ?? "")] }
    }

    /// "Ani Rahayu (1985… · Dinas Kesehatan)" for each person a name fits, to pick one.
    static func choices(_ entries: [DirectoryEntry]) -> [[String: String]] {
        entries.map { ["nip": $0.nip, "label": $0.name + " (" + $0.nip + ($0.unitName.map { " · " + $0 } ?? "") + ")"] }
    }
}
