import AsahCore

/// The words of the demo workshops: rooms, meeting links, decline reasons and the external
/// trainings people record.
enum DemoWorkshopTexts {
    /// Rooms where classroom sessions meet.
    static let places = [
        "Aula BKPSDM Lt. 2", "Ruang Rapat Bappeda", "Ruang Pelatihan BKPSDM Lt. 3", "Aula Kantor Bupati",
        "Ruang Rapat Inspektorat", "Aula Dinas Kesehatan", "Laboratorium Komputer Dinas Kominfo",
        "Ruang Rapat Setda Lt. 1",
    ]

    /// The video-meeting link of one session.
    static func meeting(runCode: String, session: Int) -> String {
        "https://meet.asahmakmur.go.id/\(runCode.lowercased())-\(session)"
    }

    /// Why supervisors decline requests.
    static let declineReasons = [
        "Beban kerja bidang sedang tinggi menjelang tutup anggaran; mohon ikut angkatan berikutnya.",
        "Pada tanggal tersebut ada tugas lapangan yang tidak dapat diwakilkan.",
        "Sudah mengikuti pelatihan sejenis tahun ini; kesempatan diberikan kepada rekan lain.",
        "Kuota peserta dari bidang ini sudah terpenuhi.",
        "Bertepatan dengan jadwal pemeriksaan BPK; kehadiran Anda diperlukan di kantor.",
    ]

    /// Why the demo's cancelled run was called off.
    static let cancelReason = "Narasumber dari BPSDM Provinsi Sulawesi Selatan berhalangan karena tugas kedinasan; "
        + "angkatan akan dijadwalkan ulang."

    /// Why a coordinator rejects an external training record.
    static let rejectNote = "Sertifikat yang diunggah tidak terbaca dan tidak mencantumkan jumlah JP; mohon unggah ulang."

    /// External trainings: title, organiser, kind, days, JP.
    static let externalTrainings: [(title: String, organiser: String, kind: String, days: Int, jp: Double)] = [
        ("Bimbingan Teknis Penatausahaan Keuangan Daerah", "BPSDM Provinsi Sulawesi Selatan", "Bimbingan Teknis", 3, 24),
        ("Pelatihan Pengadaan Barang/Jasa Tingkat Dasar", "LKPP", "Pelatihan Teknis", 4, 32),
        ("Webinar Transformasi Digital Pelayanan Publik", "Kementerian PANRB", "Seminar", 1, 3),
        ("Diklat Teknis Aplikasi SIPD", "Kementerian Dalam Negeri", "Pelatihan Teknis", 3, 24),
        ("Seminar Nasional Kesehatan Masyarakat", "Universitas Hasanuddin", "Seminar", 2, 12),
        ("Workshop Penyusunan Laporan Kinerja Instansi Pemerintah", "BPKP Perwakilan Sulawesi Selatan", "Workshop", 2, 16),
        ("Kursus Daring Dasar-dasar Analisis Data", "Digital Talent Scholarship Kominfo", "E-Learning", 10, 20),
        ("Sosialisasi Manajemen Risiko Sektor Publik", "Inspektorat Provinsi Sulawesi Selatan", "Sosialisasi", 1, 6),
        ("Pelatihan Keprotokolan", "Biro Umum Setda Provinsi Sulawesi Selatan", "Pelatihan Teknis", 2, 16),
        ("Bimbingan Teknis Arsip Dinamis", "ANRI", "Bimbingan Teknis", 3, 20),
    ]
}
