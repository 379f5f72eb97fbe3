/// Why a workshop action was refused, with the Indonesian message shown to the person.
public enum WorkshopProblem: Error, Sendable, Hashable {
    case notPermitted
    case runNotFound
    case sessionNotFound
    case enrolmentNotFound
    case employeeNotFound
    case employeeInactive
    case invalidPlan([RunPlanIssue])
    case statusChange(from: RunStatus, to: RunStatus)
    case runNotOpen(RunStatus)
    case enrolmentNotYetOpen(opensAt: Int64)
    case enrolmentClosed(closedAt: Int64)
    case alreadyInRun(EnrolmentState)
    case prerequisitesMissing([String])
    case outsideAudience([String])
    case reasonRequired
    case wrongState(EnrolmentState)
    case offerExpired
    case notParticipants([Int64])
    case checkInCodeInvalid
    case sessionsNotOver
    case certificateNotFound
    case certificateRevoked
    case invalidTraining([String])
    case trainingEntryNotFound
    case alreadyReviewed

    /// The message for the person who tried.
    public var message: String {
        switch self {
        case .notPermitted: "Anda tidak berwenang melakukan tindakan ini."
        case .runNotFound: "Angkatan tidak ditemukan."
        case .sessionNotFound: "Sesi tidak ditemukan."
        case .enrolmentNotFound: "Pendaftaran tidak ditemukan."
        case .employeeNotFound: "Pegawai tidak ditemukan."
        case .employeeInactive: "Pegawai sudah tidak aktif."
        case .invalidPlan(let issues): issues.map(\.message).joined(separator: " ")
        case .statusChange(let from, let to): "Status angkatan tidak dapat diubah dari \(from.displayName) ke \(to.displayName)."
        case .runNotOpen(let status): "Angkatan tidak menerima pendaftaran (status: \(status.displayName))."
        case .enrolmentNotYetOpen(let opensAt): "Pendaftaran baru dibuka \(IndonesianTime.describe(opensAt))."
        case .enrolmentClosed(let closedAt): "Pendaftaran sudah ditutup \(IndonesianTime.describe(closedAt))."
        case .alreadyInRun(let state): "Sudah tercatat di angkatan ini (\(state.displayName))."
        case .prerequisitesMissing(let courses): "Prasyarat belum dipenuhi: \(courses.joined(separator: "; "))."
        case .outsideAudience(let reasons): reasons.joined(separator: " ")
        case .reasonRequired: "Alasan wajib diisi."
        case .wrongState(let state): "Tindakan ini tidak dapat dilakukan pada pendaftaran berstatus \(state.displayName)."
        case .offerExpired: "Tawaran kursi sudah kedaluwarsa."
        case .notParticipants(let ids): "\(ids.count) orang pada daftar hadir bukan peserta angkatan ini."
        case .checkInCodeInvalid: "Kode presensi tidak cocok dengan sesi yang sedang berlangsung untuk Anda."
        case .sessionsNotOver: "Angkatan belum dapat diselesaikan: sesi terakhir belum berakhir."
        case .certificateNotFound: "Sertifikat tidak ditemukan."
        case .certificateRevoked: "Sertifikat sudah dicabut."
        case .invalidTraining(let reasons): reasons.joined(separator: " ")
        case .trainingEntryNotFound: "Catatan pelatihan tidak ditemukan."
        case .alreadyReviewed: "Catatan pelatihan ini sudah diperiksa."
        }
    }
}
