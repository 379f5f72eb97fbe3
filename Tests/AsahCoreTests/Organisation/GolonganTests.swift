import AsahCore
import Testing

@Suite("Golongan and pangkat")
struct GolonganTests {
    @Test("the seventeen PNS golongan carry the pangkat names in order")
    func pangkatNames() {
        let expected = [
            ("I/a", "Juru Muda"), ("I/b", "Juru Muda Tk I"), ("I/c", "Juru"), ("I/d", "Juru Tk I"),
            ("II/a", "Pengatur Muda"), ("II/b", "Pengatur Muda Tk I"), ("II/c", "Pengatur"), ("II/d", "Pengatur Tk I"),
            ("III/a", "Penata Muda"), ("III/b", "Penata Muda Tk I"), ("III/c", "Penata"), ("III/d", "Penata Tk I"),
            ("IV/a", "Pembina"), ("IV/b", "Pembina Tk I"), ("IV/c", "Pembina Utama Muda"),
            ("IV/d", "Pembina Utama Madya"), ("IV/e", "Pembina Utama"),
        ]
        #expect(Golongan.pns.map(\.code) == expected.map(\.0))
        #expect(Golongan.pns.map(\.pangkat) == expected.map(\.1))
        #expect(Golongan.pns.map(\.rank) == Array(1...17))
        #expect(Golongan.pns.map(\.group) == [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4])
    }

    @Test("common spellings parse to the same golongan",
          arguments: ["III/a", "iii/a", "III-a", "IIIa", "III a", " III / A ", "3/a", "III.a"])
    func spellings(text: String) throws {
        let golongan = try #require(Golongan(parsing: text))
        #expect(golongan.code == "III/a")
        #expect(golongan.employment == .pns)
        #expect(golongan.displayName == "III/a – Penata Muda")
    }

    @Test("PPPK golongan I to XVII have no letter and no pangkat")
    func pppk() throws {
        let nine = try #require(Golongan(parsing: "IX"))
        #expect(nine.employment == .pppk)
        #expect(nine.group == 9)
        #expect(nine.pangkat == nil)
        #expect(nine.displayName == "Golongan IX")
        #expect(Golongan(parsing: "xvii")?.code == "XVII")
        #expect(Golongan(parsing: "9")?.code == "IX")
        #expect(Golongan.pppk.count == 17)
    }

    @Test("impossible golongan are rejected", arguments: ["", "I/e", "III/e", "V/a", "XVIII", "III/ab", "Penata", "IIII/a"])
    func rejects(text: String) {
        #expect(Golongan(parsing: text) == nil)
    }

    @Test("golongan order by rank")
    func ordering() throws {
        let a = try #require(Golongan(parsing: "III/a")), d = try #require(Golongan(parsing: "III/d"))
        let iv = try #require(Golongan(parsing: "IV/a"))
        #expect(a < d && d < iv)
        #expect(Golongan(parsing: "IV/e")?.pangkat == "Pembina Utama")
        #expect(Golongan(parsing: "II/c")?.rank == 7)
    }

    @Test("equal golongan are one key; PNS and PPPK of the same rank are not equal")
    func equalityAndHashing() throws {
        let a = try #require(Golongan(parsing: "III/a")), same = try #require(Golongan(parsing: "3/a"))
        let pppk = try #require(Golongan(parsing: "IX")), b = try #require(Golongan(parsing: "III/b"))
        #expect(a.rank == pppk.rank, "III/a and PPPK IX share rank 9")
        #expect(a == same && a != pppk && a != b)
        #expect(Set([a, same, pppk, b]).count == 3 && [a: 1][same] == 1)
    }
}
