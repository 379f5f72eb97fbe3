/// One participant's line on a session's attendance form.
public struct AttendanceMark: Sendable, Hashable {
    /// The participant.
    public let employeeId: Int64
    public let nip: String
    public let name: String
    /// Hadir, izin, sakit or alpa; `nil` not marked yet.
    public let status: AttendanceStatus?
    /// `true` present, `false` absent, `nil` not marked yet.
    public var present: Bool? { status.map { $0 == .hadir } }
}
