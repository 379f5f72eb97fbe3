/// Why an edit of an employee or a unit was not saved: every problem found, each tied to the
/// form field it concerns (named as the import's column, e.g. `nip`, `unit`, `kode_induk`), so
/// the page can say what is wrong beside each field. Nothing is saved while there is one.
public struct EditProblem: Refusable, Equatable {
    /// One problem of one field.
    public typealias Finding = FieldFinding<String>

    public let findings: [Finding]

    public init(_ findings: [Finding]) {
        self.findings = findings
    }

    /// The errors of an import report read from a form, as findings (warnings are left out).
    init(_ report: ImportReport) {
        findings = report.issues.filter { $0.severity == .error }.map { Finding($0.column ?? "", $0.key, $0.arguments) }
    }

    public var refusal: Refusal {
        Refusal(.invalid, "problem_edit_not_saved", parts: findings.map(\.refusal))
    }
}
