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

    /// The NIP of the one person `typed` names (empty when nothing was typed), or the sentence
    /// that says why there is none: nobody fits, or several do (named with their NIPs, for a
    /// form that has no room to list them as choices).
    static func nip(of typed: String, _ picker: PersonPicker, _ localizer: Localizer) throws -> Result<String, PersonFieldProblem> {
        guard !typed.isEmpty else { return .success("") }
        switch try picker.resolve(typed) {
        case .found(let entry): return .success(entry.nip)
        case .choices(let entries):
            return .failure(PersonFieldProblem(message: localizer.t("person_choose_among", [
                "typed": typed, "people": choices(entries).compactMap { $0["label"] }.joined(separator: "; ")])))
        case .none: return .failure(PersonFieldProblem(message: localizer.t("person_not_found", ["typed": typed])))
        }
    }
}

/// Why a typed person could not be used, worded for the page.
struct PersonFieldProblem: Error {
    let message: String
}
