import GRDB

/// A participant's mark for one session, as on a daftar hadir.
public enum AttendanceStatus: String, Sendable, CaseIterable, Codable, DatabaseValueConvertible {
    /// Present: counts towards completion.
    case hadir
    /// Absent with leave.
    case izin
    /// Absent, ill.
    case sakit
    /// Absent without word.
    case alpa

    /// The reasons an absence may be given (the others are absent without word).
    public static let excuses: [AttendanceStatus] = [.izin, .sakit]
}
