/// Why a forum action was refused, with the Indonesian message shown to the person.
public enum ForumProblem: Error, Sendable, Hashable {
    case notPermitted
    case notFound
    case titleLength(min: Int, max: Int)
    case bodyLength(min: Int, max: Int)
    case reasonRequired
    case tooManyPosts(retryAfterMinutes: Int)
    case locked
    case pseudonymsNotAllowed
    case coordinatorsOnly
    case notASuggestion
    case statusChange(from: SuggestionStatus, to: SuggestionStatus)
    case editWindowClosed(minutes: Int)
    case tooManyEdits(limit: Int)
    case ownPost
    case alreadyFlagged
    case appealUsed
    case appealNotPossible
    case sameModerator
    case notAModerator
    case mergeTarget
    case supportDuplicate
    case notTraining
    case proposalExists
    case invalidDueDate
    case ownerNotCoordinator
    case moderatorNotCoordinator

    /// The message for the person who tried.
    public var message: String {
        switch self {
        case .notPermitted: "Anda tidak berwenang melakukan tindakan ini."
        case .notFound: "Topik atau tulisan tidak ditemukan."
        case .titleLength(let min, let max): "Judul harus \(min)–\(max) karakter."
        case .bodyLength(let min, let max): "Isi tulisan harus \(min)–\(max) karakter."
        case .reasonRequired: "Alasan wajib diisi."
        case .tooManyPosts(let minutes):
            "Anda mengirim terlalu banyak tulisan dalam waktu singkat. Silakan coba lagi dalam \(minutes) menit."
        case .locked: "Topik ini dikunci; tidak dapat dibalas."
        case .pseudonymsNotAllowed: "Kategori ini tidak mengizinkan tulisan dengan nama samaran."
        case .coordinatorsOnly: "Hanya koordinator yang dapat membuka topik di kategori ini."
        case .notASuggestion: "Tindakan ini hanya untuk usulan."
        case .statusChange(let from, let to): "Status usulan tidak dapat diubah dari \(from.displayName) ke \(to.displayName)."
        case .editWindowClosed(let minutes): "Tulisan hanya dapat diubah dalam \(minutes) menit setelah dikirim."
        case .tooManyEdits(let limit): "Tulisan ini sudah diubah \(limit) kali, batas perubahannya; kirim balasan bila ada yang perlu ditambahkan."
        case .ownPost: "Anda tidak dapat memoderasi tulisan Anda sendiri."
        case .alreadyFlagged: "Anda sudah melaporkan tulisan ini."
        case .appealUsed: "Banding atas tindakan ini sudah diajukan; banding hanya sekali."
        case .appealNotPossible: "Tindakan ini tidak dapat diajukan banding."
        case .sameModerator: "Banding harus diputuskan oleh moderator lain."
        case .notAModerator: "Anda belum diberi hak moderasi forum."
        case .mergeTarget: "Usulan asal harus usulan lain yang bukan duplikat."
        case .supportDuplicate: "Usulan ini sudah digabungkan ke usulan lain; dukunglah usulan asalnya."
        case .notTraining: "Hanya usulan pelatihan yang dapat dijadikan usulan kursus."
        case .proposalExists: "Usulan ini sudah dijadikan usulan kursus."
        case .invalidDueDate: "Tanggal batas keputusan tidak valid."
        case .ownerNotCoordinator: "Penanggung jawab harus seorang koordinator."
        case .moderatorNotCoordinator: "Hak moderasi forum hanya untuk akun koordinator."
        }
    }

    /// The HTTP status that fits the refusal.
    public var httpStatus: Int {
        switch self {
        case .notPermitted, .coordinatorsOnly, .ownPost, .notAModerator, .sameModerator: 403
        case .notFound: 404
        case .tooManyPosts: 429
        case .locked, .alreadyFlagged, .appealUsed, .statusChange, .proposalExists, .editWindowClosed, .tooManyEdits: 409
        default: 422
        }
    }
}
