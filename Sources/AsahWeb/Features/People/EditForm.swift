import AsahCore
import HTTPServer

/// The fields of an edit form (an employee, a unit) laid out for the template: each with its
/// label, hint, the value shown (the one typed when the form comes back with problems), its
/// problems in the reader's language, and, for a choice, the options with the current one selected.
struct EditForm {
    /// How a field is entered.
    enum Input {
        /// A line of text; `numeric` brings up the digit keyboard, `email` the address one.
        case text(maximumLength: Int, numeric: Bool = false, email: Bool = false)
        /// A choice among (value, label) pairs.
        case choice([(value: String, label: String)])
    }

    /// The form's id, prefixed to each field's id.
    let id: String
    /// The fields by name (the core's field names); `hint` when the field has a hint message.
    let fields: [(name: String, input: Input, required: Bool, hint: Bool)]
    /// The prefix of the fields' message keys: `<prefix>_field_<name>` labels, `<prefix>_hint_<name>` hints.
    let messagePrefix: String

    /// The fields for the template, with `values` and the problems of `problem`.
    func values(_ values: [String: String], problem: EditProblem?, _ localizer: Localizer) -> [[String: Any]] {
        let errors = Dictionary(grouping: problem?.findings ?? [], by: \.field).mapValues { findings in
            findings.map { Refusals.message($0.refusal, localizer) }.joined(separator: " ")
        }
        return fields.map { field in
            let value = values[field.name] ?? ""
            var entry: [String: Any] = [
                "id": "\(id)-\(field.name)", "name": field.name, "label": localizer.t("\(messagePrefix)_field_\(field.name)"),
                "hint": field.hint ? localizer.t("\(messagePrefix)_hint_\(field.name)") : false, "value": value,
                "error": errors[field.name] ?? false, "required": field.required,
            ]
            switch field.input {
            case .text(let maximumLength, let numeric, let email):
                entry.merge(["text": true, "maxlength": maximumLength, "numeric": numeric, "email": email]) { $1 }
            case .choice(let options):
                entry["text"] = false
                entry["options"] = options.map { ["value": $0.value, "label": $0.label, "selected": $0.value == value] }
            }
            return entry
        }
    }

    /// The values of these fields sent by `form`, each trimmed (missing fields empty).
    func input(_ form: FormData) -> [String: String] {
        Dictionary(uniqueKeysWithValues: fields.map { ($0.name, form.trimmed($0.name) ?? "") })
    }
}
