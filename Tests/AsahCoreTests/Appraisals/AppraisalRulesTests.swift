@testable import AsahCore
import Testing

/// The namespace of the appraisal suites, so `--filter AsahCoreTests.Appraisals` selects them.
enum Appraisals {}

extension Appraisals {
    @Suite("Appraisal ratings, predikat matrix, legacy categories and periods (pure)")
    struct AppraisalRulesTests {
        static let matrix: [(Rating, Rating, Predikat)] = [
            // (hasil kerja, perilaku kerja, predikat) — every cell of PermenPANRB 6/2022.
            (.diBawah, .diAtas, .butuhPerbaikan), (.sesuai, .diAtas, .baik), (.diAtas, .diAtas, .sangatBaik),
            (.diBawah, .sesuai, .butuhPerbaikan), (.sesuai, .sesuai, .baik), (.diAtas, .sesuai, .baik),
            (.diBawah, .diBawah, .sangatKurang), (.sesuai, .diBawah, .kurang), (.diAtas, .diBawah, .kurang),
        ]

        @Test("the full 3×3 matrix")
        func fullMatrix() {
            #expect(Self.matrix.count == 9)
            #expect(Set(Self.matrix.map { "\($0.0)-\($0.1)" }).count == 9, "each cell once")
            for (hasil, perilaku, expected) in Self.matrix {
                #expect(PredikatMatrix.predikat(hasilKerja: hasil, perilaku: perilaku) == expected,
                        "hasil \(hasil.rawValue), perilaku \(perilaku.rawValue)")
            }
            #expect(IndonesianText.render("appraisal_predikat_\(Predikat.kurang.rawValue)", [:]) == "Kurang/Misconduct")
        }

        @Test("predikat are ordered best to worst")
        func order() {
            let bestToWorst: [Predikat] = [.sangatBaik, .baik, .butuhPerbaikan, .kurang, .sangatKurang]
            #expect(Predikat.allCases.sorted(by: >) == bestToWorst)
            #expect(Predikat.sangatBaik > Predikat.baik && Predikat.baik > Predikat.butuhPerbaikan)
            #expect(Predikat.butuhPerbaikan > Predikat.kurang && Predikat.kurang > Predikat.sangatKurang)
            #expect(Predikat.allCases.max() == .sangatBaik && Predikat.allCases.min() == .sangatKurang)
            #expect(LegacyPredikat.allCases.sorted(by: >) == [.sangatBaik, .baik, .cukup, .kurang, .buruk])
        }

        @Test("legacy PP 46/2011 categories at their boundaries", arguments: [
            (100.0, LegacyPredikat.sangatBaik), (91, .sangatBaik), (90.99, .baik), (90.5, .baik), (90, .baik),
            (76, .baik), (75.9, .cukup), (61, .cukup), (60.5, .kurang), (51, .kurang), (50.5, .kurang),
            (50, .buruk), (0, .buruk),
        ])
        func legacyBoundaries(score: Double, expected: LegacyPredikat) {
            #expect(LegacyPredikat(score: score) == expected)
        }

        @Test("legacy scores outside 0-100 have no category; the schemes stay distinct")
        func legacyOutOfRange() {
            #expect(LegacyPredikat(score: -0.1) == nil)
            #expect(LegacyPredikat(score: 100.5) == nil)
            #expect(LegacyPredikat(score: .nan) == nil)
            #expect(AppraisalPredikat(rawValue: "baik") == .current(.baik))
            #expect(AppraisalPredikat(rawValue: "pp46_baik") == .legacy(.baik))
            #expect(AppraisalPredikat.current(.baik) != .legacy(.baik))
            #expect(Predikat(lenient: "Cukup") == nil && LegacyPredikat(lenient: "Butuh Perbaikan") == nil)
        }

        @Test("ratings and predikat are read leniently")
        func lenientNames() {
            for text in ["Di atas ekspektasi", "DI ATAS", "di_atas", "diatas", " Di Atas Ekspektasi "] {
                #expect(Rating(lenient: text) == .diAtas, "\(text)")
            }
            #expect(Rating(lenient: "Sesuai Ekspektasi") == .sesuai)
            #expect(Rating(lenient: "di-bawah") == .diBawah)
            #expect(Rating(lenient: "baik") == nil)
            #expect(Rating(lenient: "") == nil)
            #expect(Predikat(lenient: "Kurang/Misconduct") == .kurang)
            #expect(Predikat(lenient: "misconduct") == .kurang)
            #expect(Predikat(lenient: "SANGAT KURANG") == .sangatKurang)
            #expect(Predikat(lenient: "Butuh perbaikan") == .butuhPerbaikan)
        }

        @Test("periods are parsed from the ways people write them")
        func periods() {
            let cases: [(String, AppraisalPeriod)] = [
                ("Tahunan", .annual), ("TAHUNAN", .annual), ("tahunan", .annual),
                ("TW I", .quarter(1)), ("TW II", .quarter(2)), ("TW III", .quarter(3)), ("TW IV", .quarter(4)),
                ("tw-2", .quarter(2)), ("Triwulan II", .quarter(2)), ("Triwulan 3", .quarter(3)), ("tw4", .quarter(4)),
                ("1", .month(1)), ("01", .month(1)), ("12", .month(12)), ("m03", .month(3)),
                ("Januari", .month(1)), ("Maret", .month(3)), ("Mei", .month(5)), ("Agustus", .month(8)),
                ("Des", .month(12)), ("Bulan 7", .month(7)),
            ]
            for (text, expected) in cases {
                #expect(AppraisalPeriod(lenient: text) == expected, "\(text)")
            }
            for bad in ["", "TW V", "Triwulan 0", "13", "0", "Semester 1", "m13", "Juni 2024"] {
                #expect(AppraisalPeriod(lenient: bad) == nil, "\(bad)")
            }
            #expect(AppraisalPeriod.month(3).rawValue == "m03")
            #expect(AppraisalPeriod(rawValue: "tw4") == .quarter(4))
            #expect(IndonesianText.render("appraisal_period_\(AppraisalPeriod.quarter(2).rawValue)", [:]) == "Triwulan II")
            let ordered: [AppraisalPeriod] = [.month(3), .quarter(1), .month(12), .quarter(4), .annual]
            #expect(ordered.map(\.sortKey) == ordered.map(\.sortKey).sorted())
            #expect(AppraisalPeriod.quarter(1).endDate(year: 2024) == CalendarDate(year: 2024, month: 3, day: 31))
        }

        @Test("an appraisal computes its predikat and refuses incomplete gradings")
        func recordPredikat() {
            let current = Appraisal(employeeId: 1, year: 2024, period: .annual, hasilKerja: .diAtas,
                                    perilakuKerja: .diBawah, source: "test")
            #expect(current?.predikat == .current(.kurang))
            let legacy = Appraisal(employeeId: 1, year: 2015, period: .annual, hasilKerja: nil,
                                   perilakuKerja: nil, legacyScore: 82.5, source: "test")
            #expect(legacy?.predikat == .legacy(.baik))
            #expect(Appraisal(employeeId: 1, year: 2024, period: .annual, hasilKerja: .sesuai,
                              perilakuKerja: nil, source: "test") == nil)
            #expect(Appraisal(employeeId: 1, year: 2024, period: .annual, hasilKerja: nil,
                              perilakuKerja: nil, source: "test") == nil)
            #expect(Appraisal(employeeId: 1, year: 2015, period: .annual, hasilKerja: nil,
                              perilakuKerja: nil, legacyScore: 101, source: "test") == nil)
        }
    }
}
