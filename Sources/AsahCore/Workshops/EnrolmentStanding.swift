/// One person's place in one run as they see it: the record, their waitlist position when
/// waiting, and a sentence saying where they stand.
public struct EnrolmentStanding: Sendable, Hashable {
    /// The place.
    public let enrolment: Enrolment
    /// The waitlist position and its explanation, when waiting.
    public let waitlist: WaitlistStanding?

    /// What the employee reads, in Indonesian.
    public var message: String {
        switch enrolment.state {
        case .requested: "Menunggu persetujuan atasan langsung."
        case .declined: "Permohonan ditolak: \(enrolment.decidedReason ?? "-")"
        case .enrolled: "Anda terdaftar sebagai peserta."
        case .waitlisted: waitlist?.message ?? "Anda berada di daftar tunggu."
        case .offered: "Kursi ditawarkan kepada Anda; konfirmasi sebelum \(IndonesianTime.describe(enrolment.offerExpiresAt ?? 0))."
        case .cancelled: "Dibatalkan." + (enrolment.decidedReason.map { " " + $0 } ?? "")
        case .completed, .notCompleted: "\(enrolment.state.displayName): \(enrolment.completionReason ?? "-")"
        }
    }
}
