import Foundation
import GRDB
import Testing
@testable import AsahCore

@Suite("Local time: the installation's zone turns typed times into instants and decides which day it is")
struct LocalZoneTests {
    /// 2031-03-10 01:00:00 UTC.
    static let nineWITA: Int64 = 1_930_870_800

    @Test("a session typed 09.00 on 10 March 2031 is 01.00 UTC in WITA, 02.00 UTC in WIB, 00.00 UTC in WIT")
    func typedTimes() throws {
        let day = try #require(CalendarDate(year: 2031, month: 3, day: 10))
        #expect(IndonesianTime.timestamp(day, hour: 9, minute: 0, in: LocalZone.wita.timeZone) == Self.nineWITA)
        #expect(IndonesianTime.timestamp(day, hour: 9, minute: 0, in: LocalZone.wib.timeZone) == Self.nineWITA + 3600)
        #expect(IndonesianTime.timestamp(day, hour: 9, minute: 0, in: LocalZone.wit.timeZone) == Self.nineWITA - 3600)
        LocalZone.$current.withValue(.wita) {
            #expect(IndonesianTime.timestamp(day, hour: 9, minute: 0) == Self.nineWITA)
            let clock = WallClock(Self.nineWITA)
            #expect((clock.hour, clock.minute) == (9, 0))
            #expect(IndonesianTime.describe(Self.nineWITA) == "Senin, 10 Maret 2031 09.00 WITA")
        }
        #expect(WallClock(Self.nineWITA).hour == 8, "outside a binding the zone is WIB")
        #expect(IndonesianTime.describe(Self.nineWITA) == "Senin, 10 Maret 2031 08.00 WIB")
    }

    @Test("the day turns at local midnight: 16.30 UTC on 31 December is already the new (JP) year in WITA, not yet in WIB")
    func localMidnight() throws {
        let instant: Int64 = 1_798_734_600 // 2026-12-31 16:30:00 UTC
        #expect(IndonesianTime.date(of: instant, in: LocalZone.wib.timeZone).iso == "2026-12-31")
        #expect(IndonesianTime.date(of: instant, in: LocalZone.wita.timeZone).iso == "2027-01-01")
        #expect(IndonesianTime.date(of: instant).year == 2026)
        LocalZone.$current.withValue(.wita) {
            #expect(IndonesianTime.date(of: instant).year == 2027)
            #expect(WallClock(instant).day == 1)
            #expect(ForumSearch.dayStart(CalendarDate(year: 2027, month: 1, day: 1)!) == 1_798_732_800) // 16.00 UTC
        }
        LocalZone.$current.withValue(.wit) {
            #expect(IndonesianTime.clock(0, daysAfter: 1, from: instant) == 1_798_815_600) // 2 Jan 00.00 WIT = 1 Jan 15.00 UTC
        }
    }

    @Test("a zone is named by its abbreviation in any case or its IANA name; anything else is refused by the form rules")
    func names() throws {
        #expect(LocalZone(name: "wita") == .wita)
        #expect(LocalZone(name: " WIT ") == .wit)
        #expect(LocalZone(name: "Asia/Jakarta") == .wib)
        #expect(LocalZone(name: "PST") == nil)
        #expect(LocalZone.allCases.map(\.offset) == [7 * 3600, 8 * 3600, 9 * 3600])
        var input = AgencySettingsTests.complete()
        input.timeZone = "UTC"
        guard case .failure(let problem) = input.validated(today: CalendarDate(year: 2026, month: 12, day: 5)!) else {
            Issue.record("an unknown zone was accepted")
            return
        }
        #expect(problem.findings.map(\.field) == [.timeZone])
        input.timeZone = ""
        #expect(try input.validated(from: AgencySettings(timeZone: .wit), today: CalendarDate(year: 2026, month: 12, day: 5)!).get().timeZone == .wit,
                "no zone given keeps the saved one")
    }

    @Test("a database is in WIB until a zone is saved; a save is in force at once, audited, and bound by withLocalZone")
    func savedZone() throws {
        try OrganisationFixtures.withDatabase { database in
            #expect(database.localZone == .wib)
            #expect(database.withLocalZone { LocalZone.current } == .wib)
            var input = AgencySettingsTests.complete()
            input.timeZone = "WITA"
            let saved = try AgencySettings.save(input, actor: nil, ip: "test", in: database,
                                                today: CalendarDate(year: 2026, month: 12, day: 5)!).get()
            #expect(saved.timeZone == .wita)
            #expect(try AgencySettings.current(in: database).timeZone == .wita)
            #expect(database.localZone == .wita)
            #expect(database.withLocalZone { IndonesianTime.describe(Self.nineWITA) } == "Senin, 10 Maret 2031 09.00 WITA")
            let stored = try database.pool.read { try String.fetchOne($0, sql: "SELECT time_zone FROM agency_settings") }
            #expect(stored == "Asia/Makassar")
            let detail = try database.pool.read {
                try String.fetchOne($0, sql: "SELECT detail FROM audit_log WHERE action = 'agency.settings' ORDER BY id DESC")
            }
            #expect(detail?.contains("time_zone") == true)
        }
    }
}
