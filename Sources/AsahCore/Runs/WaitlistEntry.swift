/// An approved person waiting for a seat (or just approved and about to be placed), with
/// what decides their turn.
public struct WaitlistEntry: Sendable, Hashable {
    /// The enrolment; breaks ties between equal approval times.
    public let enrolmentId: Int64
    /// The person.
    public let employeeId: Int64
    /// Mandatory nominations go ahead of everyone else.
    public let mandatory: Bool
    /// Unix seconds of the approval: first approved, first served.
    public let approvedAt: Int64
    /// The unit whose quota the person counts against (their unit or its nearest ancestor
    /// with a quota in this run); `nil` when no quota applies.
    public let quotaUnitId: Int64?

    /// An entry.
    public init(enrolmentId: Int64, employeeId: Int64, mandatory: Bool, approvedAt: Int64, quotaUnitId: Int64? = nil) {
        self.enrolmentId = enrolmentId
        self.employeeId = employeeId
        self.mandatory = mandatory
        self.approvedAt = approvedAt
        self.quotaUnitId = quotaUnitId
    }
}
