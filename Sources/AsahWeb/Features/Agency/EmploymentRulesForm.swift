import AsahCore
import HTTPServer

/// The employment rules form's fields: `pns_target`, `pns_cap`, `pppk_target`, `pppk_cap`, each
/// JP as typed ("20", "20,5") or empty for none.
enum EmploymentRulesForm {
    /// The longest value read as a number.
    static let maximumLength = 8

    /// The name of the field of `kind` ("target" or "cap") for `employment`: "pppk_cap".
    static func field(_ employment: Employment, _ kind: String) -> String {
        "\(employment.rawValue)_\(kind)"
    }

    /// Every field's name, PNS first.
    static var fields: [String] {
        Employment.allCases.flatMap { [field($0, "target"), field($0, "cap")] }
    }

    /// The saved rules as the form shows them.
    static func text(_ rules: EmploymentRules) -> [String: String] {
        var values: [String: String] = [:]
        for employment in Employment.allCases {
            let rule = rules.rule(for: employment)
            values[field(employment, "target")] = rule.target.map(TrainingHours.format) ?? ""
            values[field(employment, "cap")] = rule.cap.map(TrainingHours.format) ?? ""
        }
        return values
    }

    /// What was typed, trimmed and cut to a bounded length, to show back.
    static func typed(_ form: FormData) -> [String: String] {
        Dictionary(uniqueKeysWithValues: fields.map { ($0, String((form.trimmed($0) ?? "").prefix(maximumLength * 4))) })
    }

    /// The rules typed, or the fields that are not numbers.
    static func rules(_ typed: [String: String]) -> Result<EmploymentRules, Unreadable> {
        var unreadable: [String] = []
        func number(_ name: String) -> Double? {
            let text = typed[name] ?? ""
            guard !text.isEmpty else { return nil }
            guard text.count <= maximumLength, let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite else {
                unreadable.append(name)
                return nil
            }
            return value
        }
        func rule(_ employment: Employment) -> EmploymentRules.Rule {
            EmploymentRules.Rule(target: number(field(employment, "target")), cap: number(field(employment, "cap")))
        }
        let rules = EmploymentRules(pns: rule(.pns), pppk: rule(.pppk))
        return unreadable.isEmpty ? .success(rules) : .failure(Unreadable(fields: unreadable))
    }

    /// The fields of the form whose values are not numbers.
    struct Unreadable: Error {
        let fields: [String]
    }
}
