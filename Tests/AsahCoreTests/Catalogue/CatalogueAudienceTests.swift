import GRDB
import Testing
@testable import AsahCore

@Suite("Course audience")
struct CatalogueAudienceTests {
    private func employee(_ golongan: String?, _ jabatan: JabatanKind? = .pelaksana) -> Employee {
        Employee(nip: "199001012015031001", name: "Andi Pratama", golongan: golongan.flatMap(Golongan.init(parsing:)),
                 jabatanKind: jabatan)
    }

    private let golonganRange = Audience(minGolongan: Golongan(parsing: "III/a"), maxGolongan: Golongan(parsing: "IV/b"))

    @Test("an empty audience admits everyone, even with nothing recorded")
    func openToAll() {
        #expect(Audience().check(employee: employee(nil, nil), unitCode: nil).fits)
    }

    @Test("golongan outside the range is refused with an Indonesian reason")
    func golongan() {
        #expect(golonganRange.check(employee: employee("III/c"), unitCode: nil).fits)
        #expect(golonganRange.check(employee: employee("IV/b"), unitCode: nil).fits)
        #expect(golonganRange.check(employee: employee("II/d"), unitCode: nil).reasons.map(\.message)
                == ["Kursus ini untuk golongan III/a sampai IV/b; golongan Anda II/d."])
        #expect(golonganRange.check(employee: employee("IV/c"), unitCode: nil).reasons.map(\.message)
                == ["Kursus ini untuk golongan III/a sampai IV/b; golongan Anda IV/c."])
        #expect(golonganRange.check(employee: employee("IX"), unitCode: nil).reasons.map(\.message)
                == ["Kursus ini untuk golongan III/a sampai IV/b; golongan Anda IX."])
        #expect(golonganRange.check(employee: employee(nil), unitCode: nil).reasons.map(\.message)
                == ["Kursus ini untuk golongan III/a sampai IV/b; golongan Anda belum tercatat."])
        let from = Audience(minGolongan: Golongan(parsing: "III/a"))
        #expect(from.check(employee: employee("IV/e"), unitCode: nil).fits)
        #expect(from.check(employee: employee("II/a"), unitCode: nil).reasons.map(\.message) == ["Kursus ini untuk golongan III/a ke atas; golongan Anda II/a."])
        let pppk = Audience(minGolongan: Golongan(parsing: "IX"), maxGolongan: Golongan(parsing: "XI"))
        #expect(pppk.check(employee: employee("X"), unitCode: nil).fits)
        #expect(!pppk.check(employee: employee("III/b"), unitCode: nil).fits)
    }

    @Test("jabatan and unit kerja, a sub-unit admitted through its OPD")
    func jabatanAndUnit() {
        let audience = Audience(jabatanKinds: [.pengawas, .administrator], unitCodes: ["DINKES", "RSUD"])
        let kasi = employee("III/d", .pengawas)
        #expect(audience.check(employee: kasi, unitCode: "dinkes").fits)
        #expect(audience.check(employee: kasi, unitCode: "PKM.BONTO", parentUnitCodes: ["DINKES"]).fits)
        #expect(audience.check(employee: kasi, unitCode: "DISDIK").reasons.map(\.message)
                == ["Kursus ini untuk pegawai DINKES atau RSUD; unit kerja Anda DISDIK."])
        #expect(audience.check(employee: employee("III/a", .pelaksana), unitCode: "RSUD").reasons.map(\.message)
                == ["Kursus ini untuk jabatan Pengawas atau Administrator; jabatan Anda Pelaksana."])
        let three = Audience(jabatanKinds: [.pengawas, .administrator, .jptPratama])
        #expect(three.check(employee: employee("III/a", nil), unitCode: nil).reasons.map(\.message)
                == ["Kursus ini untuk jabatan Pengawas, Administrator, atau JPT Pratama; jenis jabatan Anda belum tercatat."])
    }

    @Test("every rule missed gives its own reason")
    func severalReasons() {
        let audience = Audience(jabatanKinds: [.pengawas], minGolongan: Golongan(parsing: "III/a"), unitCodes: ["PUPR"])
        let reasons = audience.check(employee: employee("II/c"), unitCode: nil).reasons.map(\.message)
        #expect(reasons.count == 3)
        #expect(reasons.last == "Kursus ini untuk pegawai PUPR; unit kerja Anda belum tercatat.")
    }

    @Test("stored as snake_case JSON that reads back the same")
    func json() throws {
        let file = try CourseFileParser.parse(CatalogueFixtures.course("A-1", extra: """
            audience:
              jabatan: [jpt]
              golongan: {min: III/a, max: IV/e}
              units: [pupr]

            """), file: "a.md")
        try CatalogueFixtures.withCatalogue { _, database throws in
            var course = Course(file: file, syncedAt: 0)
            let (json, stored) = try database.pool.write { db throws in
                try course.insert(db)
                return (try String.fetchOne(db, sql: "SELECT audience FROM courses"), try Course.fetchOne(db))
            }
            #expect(json == #"{"golongan_max":"IV/e","golongan_min":"III/a","jabatan_kinds":["jpt_utama","jpt_madya","jpt_pratama"],"units":["PUPR"]}"#)
            #expect(stored?.audience == file.audience)
        }
    }
}
