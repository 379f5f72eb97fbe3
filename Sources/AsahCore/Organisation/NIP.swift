/// A Nomor Induk Pegawai: 18 digits `YYYYMMDD YYYYMM G NNN`, the birth date, the TMT
/// (start of service) year and month, the sex digit (1 male, 2 female) and a sequence number
/// that is 001 unless the first 15 digits collide with another employee's.
///
/// PPPK numbers are also 18 digits and start with the birth date, but digits 13-14 do not
/// always hold a month, so for them ``tmtMonth`` is just those two digits and is not checked.
public struct NIP: Hashable, Sendable, CustomStringConvertible {
    /// The 18 digits, without spaces.
    public let digits: String
    /// The layout the number was read with.
    public let employment: Employment
    /// Digits 1-8.
    public let birthDate: CalendarDate
    /// Digits 9-12: the year of appointment (TMT CPNS or PPPK).
    public let tmtYear: Int
    /// The TMT month for PNS; for PPPK the two digits found there (often not a month).
    public let tmtMonth: Int
    /// Digit 15.
    public let sex: Sex
    /// Digits 16-18, from 1.
    public let sequence: Int

    /// A NIP that has no validation errors (warnings are allowed), or `nil`.
    public init?(_ text: String, employment: Employment = .pns, today: CalendarDate = .today()) {
        guard let nip = NIP.validate(text, employment: employment, today: today).nip else { return nil }
        self = nip
    }

    private init(digits: String, employment: Employment, birthDate: CalendarDate,
                 tmtYear: Int, tmtMonth: Int, sex: Sex, sequence: Int) {
        self.digits = digits
        self.employment = employment
        self.birthDate = birthDate
        self.tmtYear = tmtYear
        self.tmtMonth = tmtMonth
        self.sex = sex
        self.sequence = sequence
    }

    public var description: String { digits }

    /// The grouped form people write: `19850312 201001 1 003`.
    public var formatted: String {
        let d = Array(digits)
        return "\(String(d[0..<8])) \(String(d[8..<14])) \(d[14]) \(String(d[15..<18]))"
    }

    /// `text` without whitespace ("19850312 201001 1 003" becomes 18 digits).
    public static func normalise(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace })
    }

    /// Checks `text` against the NIP layout. Errors make ``NIPValidation/nip`` `nil`;
    /// warnings flag legacy oddities (a TMT before the age of 18, a birth year before 1940)
    /// that real records do contain.
    public static func validate(_ text: String, employment: Employment = .pns,
                                today: CalendarDate = .today()) -> NIPValidation {
        let digits = normalise(text)
        let values = digits.utf8.map { Int($0) - 48 }
        guard values.count == 18, values.allSatisfy({ (0...9).contains($0) }) else {
            return NIPValidation(nip: nil, problems: [.error("import_nip_not_18_digits")])
        }
        func number(_ range: Range<Int>) -> Int { values[range].reduce(0) { $0 * 10 + $1 } }

        var problems: [NIPProblem] = []
        let birthDate = CalendarDate(year: number(0..<4), month: number(4..<6), day: number(6..<8))
        if let birthDate {
            if birthDate > today {
                problems.append(.error("import_nip_birth_in_future"))
            } else if birthDate.year < 1940 {
                problems.append(.warning("import_nip_birth_before_1940"))
            }
        } else {
            problems.append(.error("import_nip_birth_invalid"))
        }

        let tmtYear = number(8..<12), tmtMonth = number(12..<14)
        let tmt = employment == .pns ? "TMT CPNS" : "TMT PPPK"
        let monthChecked = employment == .pns
        if monthChecked && !(1...12).contains(tmtMonth) {
            problems.append(.error("import_nip_tmt_month_invalid", ["tmt": tmt]))
        } else if let birthDate {
            // PNS compare year and month; PPPK only the year.
            let months = monthChecked
                ? (tmtYear * 12 + tmtMonth) - (birthDate.year * 12 + birthDate.month)
                : (tmtYear - birthDate.year) * 12
            if months <= 0 {
                problems.append(.error("import_nip_tmt_before_birth", ["tmt": tmt]))
            } else if months < 18 * 12 {
                problems.append(.warning("import_nip_tmt_before_18", ["tmt": tmt]))
            }
            let future = monthChecked ? (tmtYear, tmtMonth) > (today.year, today.month) : tmtYear > today.year
            if future { problems.append(.warning("import_nip_tmt_in_future", ["tmt": tmt])) }
        }

        let sex: Sex? = switch values[14] {
        case 1: .male
        case 2: .female
        default: nil
        }
        if sex == nil { problems.append(.error("import_nip_sex_digit")) }

        let sequence = number(15..<18)
        if sequence == 0 { problems.append(.error("import_nip_sequence_zero")) }

        guard let birthDate, let sex, !problems.contains(where: { $0.severity == .error }) else {
            return NIPValidation(nip: nil, problems: problems)
        }
        let nip = NIP(digits: digits, employment: employment, birthDate: birthDate,
                      tmtYear: tmtYear, tmtMonth: tmtMonth, sex: sex, sequence: sequence)
        return NIPValidation(nip: nip, problems: problems)
    }
}

/// The outcome of ``NIP/validate(_:employment:today:)``.
public struct NIPValidation: Sendable {
    /// The parsed number, `nil` when any problem is an error.
    public let nip: NIP?
    /// Errors and warnings, in the order of the digits they concern.
    public let problems: [NIPProblem]

    /// Whether the number has no errors (warnings allowed).
    public var isValid: Bool { nip != nil }
}

/// One finding about a NIP, as a message key and arguments for the web layer to word.
public struct NIPProblem: Hashable, Sendable {
    /// Error or warning.
    public let severity: Severity
    /// What is wrong, e.g. `import_nip_sequence_zero`.
    public let key: String
    public let arguments: [String: String]

    static func error(_ key: String, _ arguments: [String: String] = [:]) -> NIPProblem {
        NIPProblem(severity: .error, key: key, arguments: arguments)
    }

    static func warning(_ key: String, _ arguments: [String: String] = [:]) -> NIPProblem {
        NIPProblem(severity: .warning, key: key, arguments: arguments)
    }
}
