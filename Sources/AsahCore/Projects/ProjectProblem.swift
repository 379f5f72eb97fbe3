/// Why a project action was refused, with the Indonesian message shown to the person.
public enum ProjectProblem: Error, Sendable, Hashable {
    /// Not found, or not visible to the person (they get the same answer).
    case notFound
    case notPermitted
    case notProjectBased
    case notParticipant
    case alreadyHasProject
    case runNotActive
    case invalid([String])
    case projectClosed
    case milestoneNotOpen
    case notReviewer
    case nothingToReview
    case scoresRequired(String)
    case employeeNotFound(String)
    case teamFull(Int)
    case teamsNotAllowed
    case notCompleted

    public var message: String {
        switch self {
        case .notFound: "Proyek tidak ditemukan."
        case .notPermitted: "Anda tidak berwenang melakukan tindakan ini."
        case .notProjectBased: "Kursus angkatan ini tidak memuat proyek."
        case .notParticipant: "Hanya peserta terdaftar angkatan ini yang dapat memiliki proyek di dalamnya."
        case .alreadyHasProject: "Peserta ini sudah tercatat pada sebuah proyek di angkatan ini."
        case .runNotActive: "Angkatan sudah selesai atau dibatalkan."
        case .invalid(let problems): problems.joined(separator: " ")
        case .projectClosed: "Proyek sudah selesai; isinya tidak dapat diubah lagi."
        case .milestoneNotOpen: "Tahap ini belum dapat dikirim: selesaikan tahap sebelumnya, atau tunggu hasil pemeriksaan."
        case .notReviewer: "Hanya coach dan mentor proyek ini yang dapat memeriksa tahap."
        case .nothingToReview: "Tidak ada kiriman yang menunggu pemeriksaan pada tahap ini."
        case .scoresRequired(let reason): reason
        case .employeeNotFound(let nip): "Pegawai dengan NIP \(nip) tidak ditemukan atau tidak aktif."
        case .teamFull(let size): "Tim proyek paling banyak \(size) orang."
        case .teamsNotAllowed: "Kursus ini tidak mengizinkan proyek tim."
        case .notCompleted: "Hanya proyek yang sudah selesai dan lulus yang dapat tampil di galeri."
        }
    }
}
