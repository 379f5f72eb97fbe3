import AsahCore

/// The units of the fictional Kabupaten Asah Makmur (South Sulawesi), parents before children.
/// Weights are relative; SMA/SMK are not here because provinces run them.
enum DemoKabupatenUnits {
    typealias F = DemoFungsionalCatalogue

    static let all: [DemoUnitPlan] = setda + [setwan, inspektorat] + pendidikan + kesehatan
        + [rsud, pupr, puprBinaMarga, dukcapil, kominfo, pertanian, bappeda, bkpsdm, bkpsdmKompetensi, bpkad]
        + kewilayahan

    /// A dinas or badan head, an administrator deputy per name, pengawas sections.
    private static func opd(_ code: String, _ name: String, _ kind: UnitKind, weight: Int, head: String,
                            deputies: [String], sections: [String]) -> DemoUnitPlan {
        DemoUnitPlan(code: code, name: name, kind: kind, weight: weight, head: DemoPosition(title: head, kind: .jptPratama),
                     deputies: deputies.map { DemoPosition(title: $0, kind: .administrator) }, sections: sections)
    }

    /// A bagian or bidang led by an administrator with pengawas sections.
    private static func division(_ code: String, _ name: String, _ kind: UnitKind, parent: String, weight: Int,
                                 sections: [String], reportsTo: String? = nil) -> DemoUnitPlan {
        let head = "Kepala " + name
        return DemoUnitPlan(code: code, name: name, kind: kind, parent: parent, weight: weight,
                            head: DemoPosition(title: head, kind: .administrator), reportsTo: reportsTo, sections: sections)
    }

    private static let setda: [DemoUnitPlan] = {
        let asisten = ["Asisten Pemerintahan dan Kesejahteraan Rakyat", "Asisten Perekonomian dan Pembangunan",
                       "Asisten Administrasi Umum"]
        var root = DemoUnitPlan(code: "SETDA", name: "Sekretariat Daerah", kind: .sekretariatDaerah, weight: 14,
                                head: DemoPosition(title: "Sekretaris Daerah", kind: .jptPratama),
                                deputies: asisten.map { DemoPosition(title: $0, kind: .jptPratama) })
        root.fungsional = [F.analisKebijakan]
        root.fungsionalShare = 1
        var pemerintahan = division("SETDA.PEM", "Bagian Tata Pemerintahan", .bagian, parent: "SETDA", weight: 30,
                                    sections: ["Kepala Subbagian Administrasi Pemerintahan", "Kepala Subbagian Otonomi Daerah"],
                                    reportsTo: asisten[0])
        pemerintahan.fungsional = [F.analisKebijakan]
        var hukum = division("SETDA.HKM", "Bagian Hukum", .bagian, parent: "SETDA", weight: 28,
                             sections: ["Kepala Subbagian Peraturan Perundang-undangan", "Kepala Subbagian Bantuan Hukum"],
                             reportsTo: asisten[0])
        hukum.fungsional = [F.perancangPeraturan, F.analisHukum]
        var pengadaan = division("SETDA.PBJ", "Bagian Pengadaan Barang dan Jasa", .bagian, parent: "SETDA", weight: 26,
                                 sections: ["Kepala Subbagian Pengelolaan Layanan Pengadaan"], reportsTo: asisten[1])
        pengadaan.fungsional = [F.pengelolaPengadaan]
        pengadaan.fungsionalShare = 0.6
        var umum = division("SETDA.UMUM", "Bagian Umum", .bagian, parent: "SETDA", weight: 70,
                            sections: ["Kepala Subbagian Tata Usaha Pimpinan", "Kepala Subbagian Rumah Tangga",
                                       "Kepala Subbagian Keuangan"], reportsTo: asisten[2])
        umum.fungsional = [F.arsiparis, F.pranataHumas]
        umum.fungsionalShare = 0.15
        return [root, pemerintahan, hukum, pengadaan, umum]
    }()

    private static let setwan: DemoUnitPlan = {
        var unit = opd("SETWAN", "Sekretariat DPRD", .sekretariatDPRD, weight: 90, head: "Sekretaris DPRD",
                       deputies: ["Kepala Bagian Umum dan Keuangan", "Kepala Bagian Persidangan dan Perundang-undangan"],
                       sections: ["Kepala Subbagian Keuangan", "Kepala Subbagian Umum dan Kepegawaian",
                                  "Kepala Subbagian Rapat dan Risalah"])
        unit.fungsional = [F.pranataHumas, F.arsiparis, F.analisKebijakan]
        unit.fungsionalShare = 0.2
        return unit
    }()

    private static let inspektorat: DemoUnitPlan = {
        var unit = opd("INSPEKTORAT", "Inspektorat Daerah", .inspektorat, weight: 80, head: "Inspektur",
                       deputies: ["Sekretaris Inspektorat", "Inspektur Pembantu Wilayah I", "Inspektur Pembantu Wilayah II",
                                  "Inspektur Pembantu Khusus"],
                       sections: ["Kepala Subbagian Perencanaan dan Keuangan", "Kepala Subbagian Umum dan Kepegawaian"])
        unit.fungsional = [F.auditor, F.pengawasPemerintahan]
        unit.fungsionalShare = 0.7
        return unit
    }()

    private static let pendidikan: [DemoUnitPlan] = {
        var dinas = opd("DISDIK", "Dinas Pendidikan", .dinas, weight: 110, head: "Kepala Dinas Pendidikan",
                        deputies: ["Sekretaris Dinas Pendidikan", "Kepala Bidang Guru dan Tenaga Kependidikan"],
                        sections: ["Kepala Subbagian Umum dan Kepegawaian", "Kepala Subbagian Keuangan dan Aset",
                                   "Kepala Subbagian Perencanaan"])
        dinas.fungsional = [F.pengawasSekolah, F.pamongBelajar, F.pamongBudaya, F.perencana]
        dinas.fungsionalShare = 0.35
        var sd = division("DISDIK.SD", "Bidang Pembinaan Sekolah Dasar", .bidang, parent: "DISDIK", weight: 30,
                          sections: ["Kepala Seksi Kurikulum dan Penilaian SD", "Kepala Seksi Peserta Didik SD"])
        sd.fungsional = [F.pengembangTeknologiPembelajaran]
        var smp = division("DISDIK.SMP", "Bidang Pembinaan Sekolah Menengah Pertama", .bidang, parent: "DISDIK", weight: 30,
                           sections: ["Kepala Seksi Kurikulum dan Penilaian SMP", "Kepala Seksi Peserta Didik SMP"])
        smp.fungsional = [F.pengembangTeknologiPembelajaran]
        let schools: [(String, String, Bool)] = [
            ("SDN1-MKT", "SD Negeri 1 Makmur Kota", false), ("SDN4-BTL", "SD Negeri 4 Bontolangkasa", false),
            ("SDN12-TNB", "SD Negeri 12 Tanete Baru", false), ("SMPN1", "SMP Negeri 1 Asah Makmur", true),
            ("SMPN3", "SMP Negeri 3 Asah Makmur", true),
        ]
        return [dinas, sd, smp] + schools.map { code, name, isSMP in
            var school = DemoUnitPlan(code: code, name: name, kind: .sekolah, parent: "DISDIK", weight: isSMP ? 70 : 32,
                                      head: DemoPosition(title: "Guru Ahli Madya (Kepala Sekolah)", kind: .fungsionalAhliMadya,
                                                         degree: "S.Pd."),
                                      reportsTo: isSMP ? smp.head.title : sd.head.title)
            school.sections = isSMP ? ["Kepala Subbagian Tata Usaha"] : []
            school.fungsional = [F.guru]
            school.fungsionalShare = 0.9
            school.pppkShare = 0.35
            school.femaleShare = 0.7
            return school
        }
    }()

    private static let kesehatan: [DemoUnitPlan] = {
        var dinas = opd("DINKES", "Dinas Kesehatan", .dinas, weight: 100, head: "Kepala Dinas Kesehatan",
                        deputies: ["Sekretaris Dinas Kesehatan", "Kepala Bidang Kesehatan Masyarakat"],
                        sections: ["Kepala Subbagian Umum dan Kepegawaian", "Kepala Subbagian Keuangan",
                                   "Kepala Seksi Kesehatan Keluarga dan Gizi"])
        dinas.fungsional = [F.epidemiolog, F.penyuluhKesehatan, F.administratorKesehatan, F.nutrisionis, F.sanitarian]
        dinas.fungsionalShare = 0.45
        dinas.femaleShare = 0.65
        var pelayanan = division("DINKES.YANKES", "Bidang Pelayanan dan Sumber Daya Kesehatan", .bidang, parent: "DINKES",
                                 weight: 35, sections: ["Kepala Seksi Pelayanan Kesehatan Primer", "Kepala Seksi Kefarmasian"])
        pelayanan.fungsional = [F.administratorKesehatan, F.apoteker]
        pelayanan.femaleShare = 0.65
        var p2p = division("DINKES.P2P", "Bidang Pencegahan dan Pengendalian Penyakit", .bidang, parent: "DINKES",
                           weight: 35, sections: ["Kepala Seksi Surveilans dan Imunisasi", "Kepala Seksi Penyakit Menular"])
        p2p.fungsional = [F.epidemiolog, F.sanitarian]
        p2p.femaleShare = 0.6
        let puskesmas = [("PKM-MKT", "Makmur Kota"), ("PKM-BTL", "Bontolangkasa"), ("PKM-TNB", "Tanete Baru")]
        return [dinas, pelayanan, p2p] + puskesmas.map { code, place in
            var unit = DemoUnitPlan(code: code, name: "Puskesmas " + place, kind: .puskesmas, parent: "DINKES", weight: 95,
                                    head: DemoPosition(title: "Dokter Ahli Madya (Kepala Puskesmas)", kind: .fungsionalAhliMadya,
                                                       prefix: "dr."))
            unit.sections = ["Kepala Subbagian Tata Usaha"]
            unit.fungsional = [F.dokter, F.dokterGigi, F.perawat, F.bidan, F.apoteker, F.nutrisionis,
                               F.pranataLaboratorium, F.sanitarian, F.penyuluhKesehatan]
            unit.fungsionalShare = 0.85
            unit.pppkShare = 0.3
            unit.femaleShare = 0.75
            return unit
        }
    }()

    private static let rsud: DemoUnitPlan = {
        var unit = opd("RSUD", "RSUD Asah Makmur", .rsud, weight: 700, head: "Direktur RSUD Asah Makmur",
                       deputies: ["Wakil Direktur Pelayanan", "Wakil Direktur Umum dan Keuangan",
                                  "Kepala Bidang Pelayanan Medik", "Kepala Bidang Keperawatan",
                                  "Kepala Bagian Umum dan Kepegawaian", "Kepala Bagian Keuangan"],
                       sections: ["Kepala Seksi Pelayanan Medik", "Kepala Seksi Penunjang Medik",
                                  "Kepala Seksi Asuhan Keperawatan", "Kepala Subbagian Kepegawaian",
                                  "Kepala Subbagian Perbendaharaan", "Kepala Subbagian Rumah Tangga"])
        unit.fungsional = [F.dokter, F.perawat, F.bidan, F.apoteker, F.asistenApoteker, F.radiografer,
                           F.pranataLaboratorium, F.fisioterapis, F.nutrisionis, F.perekamMedis]
        unit.fungsionalShare = 0.8
        unit.pppkShare = 0.25
        unit.femaleShare = 0.7
        return unit
    }()

    private static let pupr: DemoUnitPlan = {
        var unit = opd("PUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", .dinas, weight: 140,
                       head: "Kepala Dinas Pekerjaan Umum dan Penataan Ruang",
                       deputies: ["Sekretaris Dinas Pekerjaan Umum dan Penataan Ruang", "Kepala Bidang Sumber Daya Air",
                                  "Kepala Bidang Penataan Ruang"],
                       sections: ["Kepala Subbagian Umum dan Kepegawaian", "Kepala Subbagian Keuangan",
                                  "Kepala Seksi Irigasi", "Kepala Seksi Perencanaan Tata Ruang"])
        unit.fungsional = [F.teknikPengairan, F.penataRuang, F.teknikJalan, F.pengelolaPengadaan]
        unit.femaleShare = 0.25
        return unit
    }()

    private static let puprBinaMarga: DemoUnitPlan = {
        var unit = division("PUPR.BM", "Bidang Bina Marga", .bidang, parent: "PUPR", weight: 70,
                            sections: ["Kepala Seksi Pembangunan Jalan dan Jembatan", "Kepala Seksi Pemeliharaan Jalan dan Jembatan"])
        unit.fungsional = [F.teknikJalan]
        unit.femaleShare = 0.15
        return unit
    }()

    private static let dukcapil: DemoUnitPlan = {
        var unit = opd("DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", .dinas, weight: 80,
                       head: "Kepala Dinas Kependudukan dan Pencatatan Sipil",
                       deputies: ["Sekretaris Dinas Kependudukan dan Pencatatan Sipil",
                                  "Kepala Bidang Pelayanan Pendaftaran Penduduk", "Kepala Bidang Pelayanan Pencatatan Sipil"],
                       sections: ["Kepala Subbagian Umum dan Kepegawaian", "Kepala Seksi Identitas Penduduk",
                                  "Kepala Seksi Kelahiran dan Kematian"])
        unit.fungsional = [F.adminKependudukan, F.pranataKomputer]
        unit.fungsionalShare = 0.25
        return unit
    }()

    private static let kominfo: DemoUnitPlan = {
        var unit = opd("KOMINFO", "Dinas Komunikasi dan Informatika", .dinas, weight: 70,
                       head: "Kepala Dinas Komunikasi dan Informatika",
                       deputies: ["Sekretaris Dinas Komunikasi dan Informatika", "Kepala Bidang Aplikasi Informatika",
                                  "Kepala Bidang Informasi dan Komunikasi Publik", "Kepala Bidang Statistik dan Persandian"],
                       sections: ["Kepala Subbagian Umum dan Kepegawaian", "Kepala Seksi Infrastruktur Teknologi Informasi",
                                  "Kepala Seksi Layanan E-Government", "Kepala Seksi Pengelolaan Informasi Publik"])
        unit.fungsional = [F.pranataKomputer, F.pranataHumas, F.statistisi, F.sandiman]
        unit.fungsionalShare = 0.35
        return unit
    }()

    private static let pertanian: DemoUnitPlan = {
        var unit = opd("DISTAN", "Dinas Pertanian", .dinas, weight: 260, head: "Kepala Dinas Pertanian",
                       deputies: ["Sekretaris Dinas Pertanian", "Kepala Bidang Tanaman Pangan",
                                  "Kepala Bidang Hortikultura dan Perkebunan", "Kepala Bidang Penyuluhan"],
                       sections: ["Kepala Subbagian Umum dan Kepegawaian", "Kepala Subbagian Keuangan",
                                  "Kepala Seksi Produksi Tanaman Pangan", "Kepala Seksi Perlindungan Tanaman"])
        unit.fungsional = [F.penyuluhPertanian, F.pengendaliHama, F.medikVeteriner, F.paramedikVeteriner]
        unit.fungsionalShare = 0.65
        unit.femaleShare = 0.35
        return unit
    }()

    private static let bappeda: DemoUnitPlan = {
        var unit = opd("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", .badan, weight: 70,
                       head: "Kepala Badan Perencanaan Pembangunan Daerah",
                       deputies: ["Sekretaris Badan Perencanaan Pembangunan Daerah",
                                  "Kepala Bidang Pemerintahan dan Pembangunan Manusia",
                                  "Kepala Bidang Perekonomian dan Sumber Daya Alam", "Kepala Bidang Infrastruktur dan Kewilayahan"],
                       sections: ["Kepala Subbagian Umum dan Kepegawaian", "Kepala Subbagian Keuangan"])
        unit.fungsional = [F.perencana, F.analisKebijakan, F.statistisi]
        unit.fungsionalShare = 0.5
        return unit
    }()

    private static let bkpsdm: DemoUnitPlan = {
        var unit = opd("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", .badan, weight: 60,
                       head: "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
                       deputies: ["Sekretaris Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
                                  "Kepala Bidang Mutasi dan Promosi", "Kepala Bidang Pengadaan, Pemberhentian dan Informasi"],
                       sections: ["Kepala Subbagian Umum dan Kepegawaian", "Kepala Subbagian Keuangan"])
        unit.fungsional = [F.analisSDM, F.pranataSDM, F.asesorSDM]
        unit.fungsionalShare = 0.45
        return unit
    }()

    /// Where the demo instructor and coordinator work.
    static let bkpsdmKompetensi: DemoUnitPlan = {
        var unit = division("BKPSDM.PKA", "Bidang Pengembangan Kompetensi Aparatur", .bidang, parent: "BKPSDM", weight: 28,
                            sections: ["Kepala Subbidang Pelatihan Teknis dan Fungsional"])
        unit.keyStaff = [DemoPosition(title: "Widyaiswara Ahli Madya", kind: .fungsionalAhliMadya),
                         DemoPosition(title: "Analis SDM Aparatur Ahli Muda", kind: .fungsionalAhliMuda)]
        unit.fungsional = [F.analisSDM, F.pranataSDM]
        unit.fungsionalShare = 0.6
        return unit
    }()

    private static let bpkad: DemoUnitPlan = {
        var unit = opd("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah", .badan, weight: 120,
                       head: "Kepala Badan Pengelolaan Keuangan dan Aset Daerah",
                       deputies: ["Sekretaris Badan Pengelolaan Keuangan dan Aset Daerah", "Kepala Bidang Anggaran",
                                  "Kepala Bidang Perbendaharaan", "Kepala Bidang Akuntansi", "Kepala Bidang Aset"],
                       sections: ["Kepala Subbagian Umum dan Kepegawaian", "Kepala Subbidang Penyusunan Anggaran",
                                  "Kepala Subbidang Belanja", "Kepala Subbidang Pelaporan", "Kepala Subbidang Penatausahaan Aset"])
        unit.fungsional = [F.analisKeuangan, F.pranataKomputer]
        unit.fungsionalShare = 0.25
        return unit
    }()

    private static let kewilayahan: [DemoUnitPlan] = {
        let kecamatan = [("KEC-MKT", "Makmur Kota"), ("KEC-BTL", "Bontolangkasa"), ("KEC-TNB", "Tanete Baru")]
        let units = kecamatan.map { code, place in
            var unit = DemoUnitPlan(code: code, name: "Kecamatan " + place, kind: .kecamatan, weight: 50,
                                    head: DemoPosition(title: "Camat " + place, kind: .administrator),
                                    deputies: [DemoPosition(title: "Sekretaris Kecamatan " + place, kind: .administrator)])
            unit.sections = ["Kepala Seksi Pemerintahan", "Kepala Seksi Ketenteraman dan Ketertiban Umum",
                             "Kepala Seksi Pemberdayaan Masyarakat Desa"]
            unit.fungsional = [F.pranataKomputer]
            unit.fungsionalShare = 0.05
            return unit
        }
        let kelurahan = ["Bontotangnga", "Tanah Lapang"].map { place in
            var unit = DemoUnitPlan(code: "KEL-" + place.prefix(3).uppercased(), name: "Kelurahan " + place, kind: .kelurahan,
                                    parent: "KEC-MKT", weight: 16, head: DemoPosition(title: "Lurah " + place, kind: .pengawas))
            unit.sections = ["Sekretaris Kelurahan " + place]
            unit.fungsionalShare = 0
            return unit
        }
        return units + kelurahan
    }()
}
