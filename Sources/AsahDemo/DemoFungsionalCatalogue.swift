import AsahCore

/// The jabatan fungsional found in a kabupaten, with the titles their holders usually carry.
enum DemoFungsionalCatalogue {
    // Education
    static let guru = DemoFungsional("Guru", .ahli, weight: 20, degree: "S.Pd.")
    static let pengawasSekolah = DemoFungsional("Pengawas Sekolah", .ahli, degree: "M.Pd.")
    static let pamongBelajar = DemoFungsional("Pamong Belajar", .ahli, degree: "S.Pd.")
    static let pamongBudaya = DemoFungsional("Pamong Budaya", .ahli)
    static let pengembangTeknologiPembelajaran = DemoFungsional("Pengembang Teknologi Pembelajaran", .ahli, degree: "S.Pd.")

    // Health
    static let dokter = DemoFungsional("Dokter", .ahli, weight: 3, prefix: "dr.")
    static let dokterGigi = DemoFungsional("Dokter Gigi", .ahli, prefix: "drg.")
    static let perawat = DemoFungsional("Perawat", .both, weight: 10, degree: "S.Kep., Ns.", diploma: "A.Md.Kep.")
    static let bidan = DemoFungsional("Bidan", .both, weight: 6, degree: "S.Tr.Keb.", diploma: "A.Md.Keb.", sex: .female)
    static let apoteker = DemoFungsional("Apoteker", .ahli, prefix: "apt.", degree: "S.Farm.")
    static let asistenApoteker = DemoFungsional("Asisten Apoteker", .keterampilan, diploma: "A.Md.Farm.")
    static let nutrisionis = DemoFungsional("Nutrisionis", .both, degree: "S.Gz.", diploma: "A.Md.Gz.")
    static let pranataLaboratorium = DemoFungsional("Pranata Laboratorium Kesehatan", .both, diploma: "A.Md.AK.")
    static let sanitarian = DemoFungsional("Tenaga Sanitasi Lingkungan", .both, degree: "S.K.M.", diploma: "A.Md.KL.")
    static let penyuluhKesehatan = DemoFungsional("Penyuluh Kesehatan Masyarakat", .ahli, degree: "S.K.M.")
    static let epidemiolog = DemoFungsional("Epidemiolog Kesehatan", .ahli, degree: "S.K.M.")
    static let administratorKesehatan = DemoFungsional("Administrator Kesehatan", .ahli, degree: "S.K.M.")
    static let radiografer = DemoFungsional("Radiografer", .both, diploma: "A.Md.Rad.")
    static let fisioterapis = DemoFungsional("Fisioterapis", .both, diploma: "A.Md.Ftr.")
    static let perekamMedis = DemoFungsional("Perekam Medis", .keterampilan, weight: 2, diploma: "A.Md.RMIK.")

    // Administration and technical
    static let analisKebijakan = DemoFungsional("Analis Kebijakan", .ahli, weight: 2)
    static let perencana = DemoFungsional("Perencana", .ahli, weight: 4)
    static let pranataKomputer = DemoFungsional("Pranata Komputer", .both, weight: 2, degree: "S.Kom.", diploma: "A.Md.")
    static let arsiparis = DemoFungsional("Arsiparis", .both)
    static let pranataHumas = DemoFungsional("Pranata Hubungan Masyarakat", .both)
    static let statistisi = DemoFungsional("Statistisi", .ahli)
    static let sandiman = DemoFungsional("Sandiman", .ahli)
    static let auditor = DemoFungsional("Auditor", .both, weight: 4, degree: "S.E.")
    static let pengawasPemerintahan = DemoFungsional("Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah", .ahli, weight: 3)
    static let perancangPeraturan = DemoFungsional("Perancang Peraturan Perundang-undangan", .ahli, degree: "S.H.")
    static let analisHukum = DemoFungsional("Analis Hukum", .ahli, degree: "S.H.")
    static let pengelolaPengadaan = DemoFungsional("Pengelola Pengadaan Barang/Jasa", .ahli)
    static let teknikJalan = DemoFungsional("Teknik Jalan dan Jembatan", .both, weight: 3, degree: "S.T.")
    static let teknikPengairan = DemoFungsional("Teknik Pengairan", .both, weight: 2, degree: "S.T.")
    static let penataRuang = DemoFungsional("Penata Ruang", .ahli, degree: "S.T.")
    static let adminKependudukan = DemoFungsional("Administrator Database Kependudukan", .both, weight: 3)
    static let penyuluhPertanian = DemoFungsional("Penyuluh Pertanian", .both, weight: 8, degree: "S.P.")
    static let pengendaliHama = DemoFungsional("Pengendali Organisme Pengganggu Tumbuhan", .both, weight: 2, degree: "S.P.")
    static let medikVeteriner = DemoFungsional("Medik Veteriner", .ahli, prefix: "drh.")
    static let paramedikVeteriner = DemoFungsional("Paramedik Veteriner", .keterampilan)
    static let analisSDM = DemoFungsional("Analis SDM Aparatur", .ahli, weight: 3)
    static let pranataSDM = DemoFungsional("Pranata SDM Aparatur", .keterampilan, weight: 2)
    static let asesorSDM = DemoFungsional("Asesor SDM Aparatur", .ahli)
    static let analisKeuangan = DemoFungsional("Analis Keuangan Pusat dan Daerah", .ahli, weight: 3, degree: "S.E.")
}
