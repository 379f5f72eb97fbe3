import Foundation

/// Something wrong with a run plan, with the Indonesian message the form shows. Sessions are
/// numbered from 1 in the order given.
public enum RunPlanIssue: Sendable, Hashable {
    case codeMissing
    case codeTaken
    case titleMissing
    case unknownCourse
    case courseChangeWithEnrolments
    case capacityNotPositive
    case capacityBelowHeld(Int)
    case endsBeforeStarts
    case noSessions
    case sessionEndsBeforeStart(Int)
    case sessionOutsideDates(Int)
    case sessionWithoutPlace(Int)
    case unknownInstructor(Int)
    case unknownSession(Int)
    case windowReversed
    case windowAfterStart
    case offerWindowNotPositive
    case cutoffNegative
    case quotaNegative
    case unknownUnit

    /// The message for the form.
    public var message: String {
        switch self {
        case .codeMissing: "Kode angkatan wajib diisi."
        case .codeTaken: "Kode angkatan sudah dipakai angkatan lain."
        case .titleMissing: "Judul angkatan wajib diisi."
        case .unknownCourse: "Kursus tidak ditemukan."
        case .courseChangeWithEnrolments: "Kursus tidak dapat diganti karena sudah ada pendaftar."
        case .capacityNotPositive: "Kapasitas harus lebih dari 0."
        case .capacityBelowHeld(let held): "Kapasitas tidak boleh kurang dari jumlah peserta yang memegang kursi (\(held))."
        case .endsBeforeStarts: "Tanggal selesai tidak boleh sebelum tanggal mulai."
        case .noSessions: "Angkatan harus memiliki minimal satu sesi."
        case .sessionEndsBeforeStart(let n): "Sesi \(n): waktu selesai harus setelah waktu mulai."
        case .sessionOutsideDates(let n): "Sesi \(n) harus berada di antara tanggal mulai dan tanggal selesai angkatan."
        case .sessionWithoutPlace(let n): "Sesi \(n): isi tempat atau tautan daring."
        case .unknownInstructor(let n): "Sesi \(n): instruktur tidak ditemukan."
        case .unknownSession(let n): "Sesi \(n) bukan sesi angkatan ini."
        case .windowReversed: "Pendaftaran harus dibuka sebelum ditutup."
        case .windowAfterStart: "Pendaftaran harus ditutup sebelum sesi pertama dimulai."
        case .offerWindowNotPositive: "Batas waktu konfirmasi tawaran harus lebih dari 0 jam."
        case .cutoffNegative: "Batas akhir penawaran kursi tidak boleh negatif."
        case .quotaNegative: "Kuota unit tidak boleh negatif."
        case .unknownUnit: "Unit pada kuota tidak ditemukan."
        }
    }

    /// What is wrong with the plan on its own, without looking at the database. Session days
    /// are read in `timeZone`.
    public static func check(_ plan: RunPlan, timeZone: TimeZone = IndonesianTime.wib) -> [RunPlanIssue] {
        var issues: [RunPlanIssue] = []
        if plan.code.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(.codeMissing) }
        if plan.title.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(.titleMissing) }
        if plan.capacity <= 0 { issues.append(.capacityNotPositive) }
        if plan.endsOn < plan.startsOn { issues.append(.endsBeforeStarts) }
        if plan.sessions.isEmpty { issues.append(.noSessions) }
        for (index, session) in plan.sessions.enumerated() {
            let number = index + 1
            if session.endsAt <= session.startsAt { issues.append(.sessionEndsBeforeStart(number)) }
            if IndonesianTime.date(of: session.startsAt, in: timeZone) < plan.startsOn
                || IndonesianTime.date(of: session.endsAt, in: timeZone) > plan.endsOn {
                issues.append(.sessionOutsideDates(number))
            }
            if isBlank(session.place) && isBlank(session.onlineUrl) { issues.append(.sessionWithoutPlace(number)) }
        }
        if let opens = plan.enrolOpensAt, let closes = plan.enrolClosesAt, closes <= opens { issues.append(.windowReversed) }
        if let start = plan.firstSessionStart, let last = plan.enrolClosesAt ?? plan.enrolOpensAt, last > start {
            issues.append(.windowAfterStart)
        }
        if plan.offerWindowHours <= 0 { issues.append(.offerWindowNotPositive) }
        if plan.offerCutoffHours < 0 { issues.append(.cutoffNegative) }
        if plan.quotas.values.contains(where: { $0 < 0 }) { issues.append(.quotaNegative) }
        return issues
    }

    private static func isBlank(_ text: String?) -> Bool {
        (text ?? "").trimmingCharacters(in: .whitespaces).isEmpty
    }
}
