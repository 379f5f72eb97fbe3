/// How one participant came out of a finished run.
public struct CompletionOutcome: Sendable, Hashable {
    public let enrolmentId: Int64
    public let employeeId: Int64
    public let name: String
    /// Completed or not, with the reason.
    public let verdict: CompletionVerdict
    /// The certificate number for those who completed.
    public let certificateNumber: String?
}
