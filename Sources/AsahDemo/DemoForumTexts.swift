import AsahCore

/// The Indonesian texts of the demo forums: categories, suggestions and discussions with
/// their replies, as civil servants of a kabupaten would write them.
enum DemoForumTexts {
    struct Category {
        let slug: String
        let name: String
        let description: String
        let pseudonyms: Bool
        let training: Bool
        let thresholdPermille: Int?
    }

    struct Topic {
        let category: String
        let title: String
        let body: String
        let replies: [String]
    }

    static let categories = [
        Category(slug: "penggajian", name: "Sistem Penggajian",
                 description: "Gaji, tunjangan kinerja (TPP) dan pembayarannya.", pseudonyms: true, training: false,
                 thresholdPermille: 20),
        Category(slug: "penilaian-kinerja", name: "Penilaian Kinerja",
                 description: "SKP, penilaian perilaku kerja dan predikat kinerja.", pseudonyms: true, training: false,
                 thresholdPermille: 20),
        Category(slug: "pelatihan", name: "Pelatihan dan Pembinaan",
                 description: "Usulan pelatihan, jadwal diklat, mentoring dan pengembangan kompetensi.", pseudonyms: true,
                 training: true, thresholdPermille: 20),
        Category(slug: "pelayanan-publik", name: "Pelayanan Publik",
                 description: "Perbaikan layanan kepada masyarakat.", pseudonyms: false, training: false, thresholdPermille: 30),
        Category(slug: "umum", name: "Umum", description: "Hal lain seputar kepegawaian.", pseudonyms: false, training: false,
                 thresholdPermille: nil),
    ]

    static let suggestions = [
        Topic(category: "penggajian", title: "TPP dibayar paling lambat tanggal 5 setiap bulan",
              body: "Beberapa bulan terakhir **tunjangan kinerja** baru cair setelah tanggal 15. Banyak rekan yang punya cicilan jatuh tempo di awal bulan.\n\nUsul:\n\n- jadwal pembayaran TPP ditetapkan paling lambat tanggal 5;\n- bila terlambat, BKAD mengumumkan alasannya di portal.",
              replies: ["Setuju. Di kecamatan kami juga sering terlambat.", "Mohon juga rincian potongan TPP dikirim ke surel pegawai."]),
        Topic(category: "penggajian", title: "Rincian potongan TPP dapat dilihat sendiri oleh pegawai",
              body: "Saat ini pegawai tidak tahu mengapa TPP dipotong. Sebaiknya ada halaman yang menampilkan komponen potongan: presensi, keterlambatan dan capaian kinerja.",
              replies: ["Ini penting supaya tidak ada prasangka."]),
        Topic(category: "penggajian", title: "Potongan TPP karena terlambat absen saat dinas luar",
              body: "Pegawai yang dinas luar tetap terpotong TPP karena tidak presensi di kantor. Usul: surat tugas diunggah ke aplikasi presensi sehingga potongan batal otomatis.",
              replies: ["Kami di puskesmas mengalami hal yang sama saat posyandu keliling."]),
        Topic(category: "penilaian-kinerja", title: "Kalibrasi nilai SKP antarunit kerja",
              body: "Predikat *Sangat Baik* di satu dinas hampir semua pegawai, di dinas lain hampir tidak ada. Usul kalibrasi oleh tim penilai kinerja kabupaten setiap akhir tahun.",
              replies: ["Perlu, supaya adil untuk TPP.", "Sebaiknya kriteria kalibrasi diumumkan lebih dulu."]),
        Topic(category: "penilaian-kinerja", title: "Umpan balik atasan setiap triwulan, bukan hanya akhir tahun",
              body: "Sesuai PermenPANRB 6/2022, atasan memberi umpan balik berkelanjutan. Kenyataannya kami baru tahu nilai di akhir tahun. Usul: dialog kinerja wajib tiap triwulan dan dicatat.",
              replies: ["Saya pengawas, setuju asalkan formulirnya sederhana."]),
        Topic(category: "penilaian-kinerja", title: "Transparansi penilaian perilaku kerja",
              body: "Penilaian perilaku kerja terasa subjektif. Mohon contoh perilaku per nilai (di atas, sesuai, di bawah ekspektasi) dibagikan kepada semua pegawai.",
              replies: []),
        Topic(category: "pelatihan", title: "Pelatihan Microsoft Excel lanjutan untuk bendahara",
              body: "Bendahara pengeluaran di setiap OPD banyak mengolah data secara manual. Usul pelatihan Excel lanjutan: tabel pivot, VLOOKUP/XLOOKUP dan validasi data, 16 JP.",
              replies: ["Kami di Setda sangat butuh.", "Mohon juga materi pengamanan berkas."]),
        Topic(category: "pelatihan", title: "Diklat pelayanan prima untuk petugas loket Dukcapil dan MPP",
              body: "Keluhan warga sering tentang sikap petugas. Usul lokakarya pelayanan prima dengan bermain peran, bukan ceramah.",
              replies: ["Setuju, sebaiknya ada praktik menghadapi warga yang marah."]),
        Topic(category: "pelatihan", title: "Jadwal diklat diumumkan tiga bulan sebelumnya",
              body: "Pegawai di kecamatan terpencil sulit mengatur tugas jika undangan diklat datang seminggu sebelumnya. Usul kalender diklat terbit tiap triwulan.",
              replies: []),
        Topic(category: "pelatihan", title: "Pelatihan tata naskah dinas elektronik (TNDE)",
              body: "Sejak surat dinas elektronik diberlakukan, banyak pelaksana belum paham penomoran dan tanda tangan elektronik. Usul pelatihan singkat 8 JP.",
              replies: ["Operator kecamatan juga perlu ikut."]),
        Topic(category: "pelatihan", title: "Diklat naskah dinas elektronik untuk operator",
              body: "Operator persuratan di kelurahan perlu dilatih aplikasi naskah dinas elektronik.",
              replies: []),
        Topic(category: "pelatihan", title: "Mentoring jabatan fungsional bagi pegawai baru PPPK",
              body: "Pegawai PPPK baru belum tahu cara menyusun angka kredit dan SKP. Usul program mentoring 3 bulan dengan pejabat fungsional senior.",
              replies: ["Sangat membantu, saya PPPK guru angkatan 2024."]),
        Topic(category: "pelayanan-publik", title: "Antrean daring untuk layanan Dukcapil",
              body: "Warga datang subuh untuk mendapat nomor antrean. Usul antrean daring lewat WhatsApp resmi dengan kuota per jam.",
              replies: ["Sudah dicoba di kabupaten tetangga dan berhasil.", "Perlu tetap ada kuota untuk warga lansia tanpa ponsel."]),
        Topic(category: "pelayanan-publik", title: "Ruang laktasi di setiap kantor pelayanan",
              body: "Banyak pegawai dan warga yang menyusui tidak punya ruang layak. Usul ruang laktasi sederhana di MPP, Dukcapil dan puskesmas.",
              replies: []),
        Topic(category: "pelayanan-publik", title: "Papan informasi persyaratan layanan yang seragam",
              body: "Persyaratan layanan berbeda antara papan di kantor dan di situs web. Usul satu sumber data persyaratan yang dipakai semua kanal.",
              replies: ["Setuju, warga sering bolak-balik karena informasi berbeda."]),
        Topic(category: "penggajian", title: "Tunjangan daerah terpencil bagi guru dan tenaga kesehatan",
              body: "Guru dan nakes di pulau dan pegunungan menanggung biaya transportasi tinggi. Usul tambahan tunjangan daerah terpencil dalam TPP.",
              replies: ["Kami di pustu kepulauan sangat berharap."]),
    ]

    static let discussions = [
        Topic(category: "umum", title: "Pengalaman memakai aplikasi presensi baru",
              body: "Bagaimana pengalaman rekan-rekan dengan aplikasi presensi berbasis lokasi? Di kantor kami sinyal GPS sering meleset.",
              replies: ["Di kantor camat kami lancar, asal lokasi dinyalakan.", "Mohon ada mode luring untuk daerah tanpa sinyal."]),
        Topic(category: "penilaian-kinerja", title: "Tanya jawab: cara menyusun indikator SKP pelaksana",
              body: "Saya pelaksana di bidang umum dan kesulitan menulis indikator yang terukur. Ada contoh yang baik?",
              replies: ["Gunakan ukuran kuantitas, kualitas dan waktu; misalnya \"100% surat masuk diagendakan di hari yang sama\".",
                        "Bisa lihat panduan di [JDIH](https://jdih.menpan.go.id)."]),
        Topic(category: "pelatihan", title: "Berbagi materi setelah ikut diklat",
              body: "Usul kebiasaan baru: setiap peserta diklat berbagi ringkasan materi 15 menit saat apel. Siapa yang sudah mencoba?",
              replies: ["Di dinas kami sudah jalan, efektif sekali."]),
        Topic(category: "pelayanan-publik", title: "Menghadapi warga yang marah di loket",
              body: "Minggu lalu ada warga yang membentak petugas karena berkas tertukar. Bagaimana cara rekan-rekan menenangkan situasi?",
              replies: ["Dengarkan dulu, minta maaf atas ketidaknyamanan, lalu jelaskan langkah berikutnya."]),
        Topic(category: "umum", title: "Usul kegiatan olahraga bersama tiap Jumat",
              body: "Senam bersama tiap Jumat pagi sempat berhenti. Apakah ada yang mau menghidupkan lagi?",
              replies: []),
    ]

    /// Reasons given for flags on the demo's flagged posts.
    static let flagReasons = ["Menyebut nama pejabat tanpa bukti", "Bahasa kasar", "Di luar topik", "Promosi usaha pribadi"]
}
