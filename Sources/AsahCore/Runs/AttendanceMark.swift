/// One participant's line on a session's attendance form.
public struct AttendanceMark: Sendable, Hashable {
    /// The participant.
    public let employeeId: Int64
    public let nip: String
    public let name: String
    /// `true` present, `false` absent, `nil` not marked yet.
    public let present: Bool?
}
