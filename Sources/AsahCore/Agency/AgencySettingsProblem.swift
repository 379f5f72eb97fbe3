/// Why agency settings were not saved: every problem of the form, each tied to its field, so
/// the page can mark the fields and say what is wrong with each. Nothing is saved while there is one.
public struct AgencySettingsProblem: Refusable, Equatable {
    /// One problem of one field.
    public typealias Finding = FieldFinding<AgencySettingsField>

    public let findings: [Finding]

    public init(_ findings: [Finding]) {
        self.findings = findings
    }

    /// The fields with a problem.
    public var fields: Set<AgencySettingsField> { Set(findings.map(\.field)) }

    public var refusal: Refusal {
        Refusal(.invalid, "problem_agency_not_saved", parts: findings.map(\.refusal))
    }
}
