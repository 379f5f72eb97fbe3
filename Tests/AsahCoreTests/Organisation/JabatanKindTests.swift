import AsahCore
import Testing

@Suite("Jabatan and unit kinds")
struct JabatanKindTests {
    @Test("lenient parsing of jenis jabatan", arguments: [
        ("pelaksana", JabatanKind.pelaksana), ("Pelaksana", .pelaksana), ("Fungsional Umum", .pelaksana),
        ("pengawas", .pengawas), ("Administrator", .administrator),
        ("jpt_pratama", .jptPratama), ("JPT Pratama", .jptPratama),
        ("Jabatan Pimpinan Tinggi Madya", .jptMadya), ("JPT Utama", .jptUtama),
        ("fungsional_ahli_pertama", .fungsionalAhliPertama), ("Fungsional Ahli Muda", .fungsionalAhliMuda),
        ("JF Ahli Madya", .fungsionalAhliMadya), ("fungsional ahli utama", .fungsionalAhliUtama),
        ("Fungsional Keterampilan - Pemula", .fungsionalPemula), ("fungsional_terampil", .fungsionalTerampil),
        ("JF Keterampilan Mahir", .fungsionalMahir), ("Fungsional Penyelia", .fungsionalPenyelia),
    ])
    func parses(text: String, kind: JabatanKind) {
        #expect(JabatanKind(parsing: text) == kind)
    }

    @Test("unknown jenis jabatan", arguments: ["", "JPT", "Fungsional", "Fungsional Ahli", "Direktur", "eselon"])
    func rejects(text: String) {
        #expect(JabatanKind(parsing: text) == nil)
    }

    @Test("raw values and names")
    func names() {
        #expect(JabatanKind.fungsionalAhliPertama.rawValue == "fungsional_ahli_pertama")
        #expect(JabatanKind.jptPratama.displayName == "JPT Pratama")
        #expect(JabatanKind.fungsionalTerampil.isFungsional)
        #expect(!JabatanKind.pengawas.isFungsional)
        for kind in JabatanKind.allCases {
            #expect(JabatanKind(parsing: kind.rawValue) == kind)
            #expect(JabatanKind(parsing: kind.displayName) == kind)
        }
    }

    @Test("unit kinds parse from raw values, names and abbreviations")
    func unitKinds() {
        for kind in UnitKind.allCases {
            #expect(UnitKind(parsing: kind.rawValue) == kind)
            #expect(UnitKind(parsing: kind.displayName) == kind)
        }
        #expect(UnitKind(parsing: "Setda") == .sekretariatDaerah)
        #expect(UnitKind(parsing: "RSUD") == .rsud)
        #expect(UnitKind(parsing: "DINAS") == .dinas)
        #expect(UnitKind(parsing: "Kantor") == nil)
    }
}
