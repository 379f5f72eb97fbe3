import GRDB

/// Why an evaluation action was refused, with the Indonesian message shown to the person.
public enum EvaluationProblem: Error, Sendable, Hashable {
    case notPermitted
    case runNotFound
    case notAttended
    case surveyNotYetOpen
    case alreadyAnswered
    case invalidAnswers([String])
    case checkNotFound
    case checkNotDue
    case notParticipant(String)
    case invalidScores([String])
    case invalidProgramme([String])
    case testClosed
    case timeUp

    /// The message for the person who tried.
    public var message: String {
        switch self {
        case .notPermitted: "Anda tidak berwenang melakukan tindakan ini."
        case .runNotFound: "Angkatan tidak ditemukan."
        case .notAttended: "Survei hanya untuk peserta yang hadir di angkatan ini."
        case .surveyNotYetOpen: "Survei dibuka setelah sesi terakhir berakhir."
        case .alreadyAnswered: "Anda sudah mengisi survei ini."
        case .invalidAnswers(let reasons), .invalidScores(let reasons), .invalidProgramme(let reasons):
            reasons.joined(separator: " ")
        case .checkNotFound: "Evaluasi pasca pelatihan tidak ditemukan."
        case .checkNotDue: "Evaluasi pasca pelatihan ini belum dibuka atau sudah diisi."
        case .notParticipant(let nip): "NIP \(nip) bukan peserta angkatan ini."
        case .testClosed: "Tes ini sedang tidak dibuka: pre-test sampai sesi pertama berakhir, post-test sejak sesi terakhir dimulai."
        case .timeUp: "Waktu tes sudah habis; jawaban tidak dapat diterima."
        }
    }
}

extension AppDatabase {
    /// ``attempt(at:_:)`` for evaluation: an ``EvaluationProblem`` thrown inside rolls the
    /// transaction back and comes back as the failure.
    func evaluate<T>(at now: Int64?, _ body: (Database, Int64) throws -> T) throws -> Result<T, EvaluationProblem> {
        try attempt(at: now, body)
    }
}
