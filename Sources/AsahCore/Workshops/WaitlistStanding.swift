/// Where one person stands on a run's waitlist, with the explanation the employee sees.
public struct WaitlistStanding: Sendable, Hashable {
    /// 1 for the head of the list.
    public let position: Int
    /// How many are waiting.
    public let total: Int
    /// How many mandatory nominations are ahead.
    public let mandatoryAhead: Int
    /// Whether the person is a mandatory nomination.
    public let mandatory: Bool
    /// Whether the person's unit quota is used up, so they are passed over for now.
    public let quotaFull: Bool

    /// "Urutan 3 dari 12 di daftar tunggu. ..." with how the order is decided.
    public var message: String {
        var parts = ["Urutan \(position) dari \(total) di daftar tunggu."]
        if mandatory {
            parts.append("Anda nominasi wajib, sehingga didahulukan dari pemohon biasa.")
        } else {
            parts.append("Urutan ditentukan oleh waktu persetujuan; nominasi wajib didahulukan.")
            if mandatoryAhead > 0 { parts.append("Ada \(mandatoryAhead) nominasi wajib di depan Anda.") }
        }
        if quotaFull {
            parts.append("Kuota unit Anda untuk angkatan ini sudah penuh: tawaran datang bila kursi unit Anda kosong.")
        }
        parts.append("Bila kursi kosong, orang terdepan mendapat tawaran dengan batas waktu konfirmasi.")
        return parts.joined(separator: " ")
    }
}
