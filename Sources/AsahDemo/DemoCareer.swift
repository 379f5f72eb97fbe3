import AsahCore

/// Golongan, ages and service years that fit a position, the way a civil-service career runs:
/// a CPNS enters at II/a (SMA), II/c (D3) or III/a (S1) and rises one step about every four
/// years; PPPK were first appointed from 2021 and are often older when appointed.
enum DemoCareer {
    /// The PNS golongan ranks (1 = I/a ... 17 = IV/e) usual for each kind of position.
    static func pnsRanks(_ kind: JabatanKind) -> ClosedRange<Int> {
        switch kind {
        case .jptUtama, .jptMadya: 16...17
        case .jptPratama: 15...16
        case .administrator: 12...14
        case .pengawas: 10...12
        case .pelaksana: 5...11
        case .fungsionalAhliPertama: 9...10
        case .fungsionalAhliMuda: 11...12
        case .fungsionalAhliMadya: 13...15
        case .fungsionalAhliUtama: 16...17
        case .fungsionalPemula: 5...6
        case .fungsionalTerampil: 6...8
        case .fungsionalMahir: 9...10
        case .fungsionalPenyelia: 11...12
        }
    }

    /// A golongan for the position: within the usual PNS range, or the PPPK golongan of its level.
    static func golongan(for kind: JabatanKind, employment: Employment, using random: inout SeededRandom) -> Golongan {
        switch employment {
        case .pns:
            return Golongan.pns[random.int(in: pnsRanks(kind)) - 1]
        case .pppk:
            let group = switch kind {
            case .fungsionalAhliPertama: 9
            case .fungsionalAhliMuda: 11
            case .fungsionalTerampil: 7
            case .fungsionalMahir: 8
            default: random.chance(0.7) ? 5 : 7
            }
            return Golongan.pppk[group - 1]
        }
    }

    /// A birth date and TMT that fit the golongan, as of `referenceYear`. PNS retire at 58
    /// (60 for JPT and senior fungsional), so nobody here is older than that. For PPPK the
    /// TMT "month" is the 21 that their numbers carry in that place.
    static func dates(kind: JabatanKind, golongan: Golongan, referenceYear: Int,
                      using random: inout SeededRandom) -> (birthDate: CalendarDate, tmtYear: Int, tmtMonth: Int) {
        if golongan.employment == .pppk {
            let tmtYear = random.int(in: 2021...(referenceYear - 1))
            return (birthDate(year: tmtYear - random.int(in: 24...45), using: &random), tmtYear, 21)
        }
        let keterampilan: [JabatanKind] = [.fungsionalPemula, .fungsionalTerampil, .fungsionalMahir, .fungsionalPenyelia]
        var entry = 9
        if kind == .pelaksana { entry = golongan.rank >= 9 && random.chance(0.5) ? 9 : 5 }
        if keterampilan.contains(kind) { entry = 7 }
        entry = min(entry, golongan.rank)
        let entryAge = switch entry {
        case 9...: random.int(in: 23...31)
        case 7...8: random.int(in: 21...28)
        default: random.int(in: 19...27)
        }
        let senior: [JabatanKind] = [.jptUtama, .jptMadya, .jptPratama, .fungsionalAhliMadya, .fungsionalAhliUtama]
        let maximumAge = senior.contains(kind) ? 59 : 57
        let service = max(1, min((golongan.rank - entry) * 4 + random.int(in: 0...3), maximumAge - entryAge))
        let tmtYear = referenceYear - service
        let tmtMonth = random.pick(weighted: [(1, 4), (3, 3), (12, 2), (2, 1), (4, 1), (6, 1), (10, 1)])
        return (birthDate(year: tmtYear - entryAge, using: &random), tmtYear, tmtMonth)
    }

    /// A pelaksana title (the 2024 nomenclature and a few long-lived ones) fitting the golongan.
    static func pelaksanaTitle(_ golongan: Golongan, using random: inout SeededRandom) -> String {
        let senior = golongan.employment == .pns ? golongan.rank >= 9 : golongan.group >= 7
        return random.pick(weighted: senior
            ? [("Penata Layanan Operasional", 4), ("Pengelola Layanan Operasional", 3), ("Pengelola Keuangan", 2),
               ("Pengolah Data dan Informasi", 2), ("Bendahara Pengeluaran", 1)]
            : [("Pengadministrasi Perkantoran", 5), ("Operator Layanan Operasional", 4),
               ("Pengolah Data dan Informasi", 2), ("Pengemudi", 1)])
    }

    private static func birthDate(year: Int, using random: inout SeededRandom) -> CalendarDate {
        let month = random.int(in: 1...12)
        return CalendarDate(year: year, month: month,
                            day: random.int(in: 1...CalendarDate.daysIn(month: month, year: year)))!
    }
}
