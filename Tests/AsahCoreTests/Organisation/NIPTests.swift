import AsahCore
import Testing

@Suite("NIP")
struct NIPTests {
    let today = CalendarDate(year: 2025, month: 6, day: 30)!

    private func messages(_ text: String, _ employment: Employment = .pns) -> [String] {
        NIP.validate(text, employment: employment, today: today).problems.map(\.message)
    }

    @Test("a valid NIP is split into its parts")
    func parsesParts() throws {
        let nip = try #require(NIP("198503122010011003", today: today))
        #expect(nip.birthDate == CalendarDate(year: 1985, month: 3, day: 12))
        #expect(nip.tmtYear == 2010)
        #expect(nip.tmtMonth == 1)
        #expect(nip.sex == .male)
        #expect(nip.sequence == 3)
        #expect(nip.formatted == "19850312 201001 1 003")
        #expect(NIP.validate("198503122010011003", today: today).problems.isEmpty)
    }

    @Test("spaces as people write them are ignored")
    func stripsSpaces() throws {
        let nip = try #require(NIP("19850312 201001 2 001", today: today))
        #expect(nip.digits == "198503122010012001")
        #expect(nip.sex == .female)
    }

    @Test("not 18 digits is an error", arguments: ["19850312201001100", "1985031220100110031", "19850312A010011003", ""])
    func wrongLength(text: String) {
        #expect(messages(text) == ["NIP harus 18 digit angka"])
        #expect(NIP(text, today: today) == nil)
    }

    @Test("30 February is not a birth date; 29 February of a leap year is")
    func birthDates() {
        #expect(messages("198502302010011003") == ["tanggal lahir pada NIP tidak valid"])
        #expect(messages("198402292010011001").isEmpty)
        #expect(messages("198513012010011001") == ["tanggal lahir pada NIP tidak valid"])
    }

    @Test("the sex digit must be 1 or 2")
    func sexDigit() {
        #expect(messages("198503122010013001") == ["digit jenis kelamin harus 1 atau 2"])
        #expect(messages("198503122010010001").contains("digit jenis kelamin harus 1 atau 2"))
    }

    @Test("the sequence starts at 001")
    func sequence() {
        #expect(messages("198503122010011000") == ["nomor urut minimal 001"])
    }

    @Test("the TMT must come after the birth date and have a real month")
    func tmtOrder() {
        #expect(messages("199003151989011001") == ["TMT CPNS harus setelah tanggal lahir"])
        #expect(messages("199003151990031001") == ["TMT CPNS harus setelah tanggal lahir"])
        #expect(messages("198503122010131003") == ["bulan TMT CPNS pada NIP tidak valid"])
        #expect(messages("198503122010001003") == ["bulan TMT CPNS pada NIP tidak valid"])
    }

    @Test("PPPK numbers skip the month check but not the rest")
    func pppk() throws {
        let nip = try #require(NIP("198503122021211003", employment: .pppk, today: today))
        #expect(nip.tmtYear == 2021)
        #expect(nip.tmtMonth == 21)
        #expect(nip.employment == .pppk)
        #expect(NIP("198503122021211003", employment: .pns, today: today) == nil)
        #expect(messages("198503121984211003", .pppk) == ["TMT PPPK harus setelah tanggal lahir"])
        #expect(messages("198502302021211003", .pppk) == ["tanggal lahir pada NIP tidak valid"])
    }

    @Test("legacy oddities are warnings and the NIP still parses")
    func legacyWarnings() throws {
        let early = NIP.validate("199001012006011001", today: today)
        #expect(early.isValid)
        #expect(early.problems.map(\.severity) == [.warning])
        #expect(early.problems.map(\.message) == ["TMT CPNS sebelum pegawai berusia 18 tahun"])

        let old = NIP.validate("193805011960031001", today: today)
        #expect(old.isValid)
        #expect(old.problems.map(\.severity) == [.warning])
        #expect(old.problems.map(\.message) == ["tahun lahir pada NIP sebelum 1940"])

        let future = NIP.validate("199501012025121001", today: today)
        #expect(future.isValid)
        #expect(future.problems.map(\.message) == ["TMT CPNS pada NIP ada di masa depan"])
    }

    @Test("a birth date in the future is an error")
    func futureBirth() {
        #expect(messages("203001012050011001").contains("tanggal lahir pada NIP ada di masa depan"))
    }

    @Test("all problems of one NIP are reported together")
    func severalProblems() {
        #expect(messages("198502302010133000") == [
            "tanggal lahir pada NIP tidak valid", "bulan TMT CPNS pada NIP tidak valid",
            "digit jenis kelamin harus 1 atau 2", "nomor urut minimal 001",
        ])
    }
}
