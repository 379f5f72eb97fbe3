import AsahCore

/// Project topics for the demo, in the spirit of the seeds: public-service problems solved at
/// the workplace (title, problem, outcome, measure, measured result).
enum DemoProjectTexts {
    static let topics: [(title: String, problem: String, outcome: String, measure: String, result: String)] = [
        ("Pendaftaran antrean daring layanan KTP-el", "Warga mengantre sejak subuh di loket Dukcapil; rata-rata menunggu 3 jam.",
         "Warga mengambil nomor antrean dari rumah dan datang sesuai jam.", "Rata-rata waktu tunggu di loket",
         "Waktu tunggu turun dari 180 menjadi 25 menit dalam 30 hari; 2.140 warga memakai antrean daring."),
        ("Arsip digital surat masuk kecamatan", "Surat masuk sering hilang dan disposisi terlambat lebih dari seminggu.",
         "Semua surat masuk dipindai dan didisposisi secara elektronik.", "Lama disposisi surat",
         "Lama disposisi turun dari 8 hari menjadi 1 hari; tidak ada surat hilang selama implementasi."),
        ("Layanan pengaduan puskesmas lewat WhatsApp", "Pengaduan pasien tidak tercatat dan tidak pernah dijawab.",
         "Setiap pengaduan tercatat, dijawab dan dilaporkan tiap bulan.", "Persentase pengaduan yang dijawab dalam 3 hari",
         "92 % dari 61 pengaduan dijawab dalam 3 hari; indeks kepuasan naik dari 3,1 ke 3,6."),
        ("Jadwal kunjungan posyandu terpadu", "Jadwal posyandu bentrok dan kader tidak mendapat informasi tepat waktu.",
         "Satu kalender posyandu untuk seluruh desa yang dibagikan ke kader.", "Kehadiran balita di posyandu",
         "Kehadiran balita naik dari 64 % menjadi 81 % di enam desa."),
        ("Standar waktu layanan izin usaha mikro", "Izin usaha mikro selesai antara 2 dan 21 hari tanpa kepastian.",
         "Standar layanan 3 hari kerja diumumkan dan dipantau.", "Persentase izin selesai dalam 3 hari",
         "87 % izin selesai dalam 3 hari kerja selama implementasi."),
        ("Bank data kompetensi guru SD", "Data pelatihan guru tersebar di berkas Excel sekolah dan tidak dapat dipakai.",
         "Satu basis data kompetensi guru per kecamatan.", "Jumlah sekolah yang datanya lengkap",
         "38 dari 42 SD mengisi data lengkap; usulan pelatihan disusun dari data itu."),
    ]

    static let submissionTexts = [
        "Terlampir rancangan lengkap dengan data awal, pemangku kepentingan dan jadwal kegiatan.",
        "Bahan paparan seminar dan catatan masukan penguji.",
        "Catatan kegiatan implementasi beserta bukti foto dan daftar hadir.",
        "Laporan akhir dengan data sebelum dan sesudah.",
        "Paparan hasil dan rencana keberlanjutan.",
    ]
}
