/// The column names of the national systems' exports that the imports recognise, so an
/// agency can upload a SIASN (BKN) or e-Kinerja export as it comes, and the columns of those
/// exports that Asah knows but does not use (read without a warning). Names are compared as
/// ``CSVTable`` normalises headers: lower case, spaces as `_`.
enum ImportColumnAliases {
    /// Employee import: alias → Asah's column.
    static let employees: [String: String] = [
        // SIASN "Data Utama" and e-Kinerja profile exports
        "nip_baru": "nip", "nipbaru": "nip", "nip_pns": "nip", "nip_pegawai": "nip",
        "nama_pegawai": "nama", "nama_lengkap": "nama", "nama_asn": "nama",
        "unor": "unit", "unor_nama": "unit", "nama_unor": "unit", "unit_kerja": "unit", "unit_organisasi": "unit",
        "kode_unor": "unit", "unor_id": "unit",
        "gol_akhir_nama": "golongan", "golongan_akhir": "golongan", "gol_ruang": "golongan", "gol": "golongan",
        "pangkat_golongan": "golongan", "golongan_ruang": "golongan",
        "nama_jabatan": "jabatan", "jabatan_nama": "jabatan", "jabatan_akhir": "jabatan",
        "nip_atasan_langsung": "nip_atasan", "atasan_nip": "nip_atasan", "nip_pejabat_penilai": "nip_atasan",
        "email_gov": "email", "email_kantor": "email", "surel": "email",
        "kedudukan_hukum": "status", "kedudukan_hukum_nama": "status", "status_pegawai": "status",
        "jenis_pegawai_nama": "jenis_pegawai", "status_kepegawaian": "jenis_pegawai", "jenis_asn": "jenis_pegawai",
    ]

    /// Employee columns of those exports that Asah does not need (sex and birth date come
    /// from the NIP; pangkat from the golongan; SIASN's jenis jabatan, "Jabatan Fungsional",
    /// is coarser than Asah's `jenis_jabatan` and leaves it as it was).
    static let ignoredByEmployees: Set<String> = [
        "jenis_jabatan_nama",
        "pns_id", "id", "nip_lama", "gelar_depan", "gelar_belakang", "tempat_lahir", "tempat_lahir_nama", "tanggal_lahir",
        "tgl_lahir", "jenis_kelamin", "agama", "agama_nama", "tmt_golongan", "tmt_gol", "tmt_jabatan", "tmt_cpns", "tmt_pns",
        "pangkat", "pangkat_akhir", "mk_tahun", "mk_bulan", "pendidikan", "pendidikan_nama", "tingkat_pendidikan",
        "tingkat_pendidikan_nama", "tahun_lulus", "instansi_induk_nama", "instansi_kerja_nama", "satuan_kerja_induk_nama",
        "unor_induk_nama", "lokasi_kerja", "lokasi_kerja_nama", "eselon", "eselon_nama", "nomor_hp", "no_hp", "alamat",
        "npwp", "nik", "kpkn_nama", "kelas_jabatan",
    ]
}
