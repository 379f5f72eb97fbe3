@testable import AsahCore
import Testing

extension Workshops {
    @Suite("iCalendar text (pure)")
    struct ICalendarTests {
        @Test("TEXT values escape backslash, semicolon, comma and line breaks")
        func escaping() {
            #expect(ICalendar.escape(#"Aula; Lt. 2, Gedung "A"\B"#) == #"Aula\; Lt. 2\, Gedung "A"\\B"#)
            #expect(ICalendar.escape("baris satu\r\nbaris dua\nbaris tiga") == #"baris satu\nbaris dua\nbaris tiga"#)
        }

        @Test("lines fold at 75 octets with a leading space, never inside a UTF-8 sequence")
        func folding() {
            let short = "SUMMARY:" + String(repeating: "a", count: 67)
            #expect(ICalendar.fold(short) == short, "exactly 75 octets stays on one line")
            let long = "SUMMARY:" + String(repeating: "a", count: 200)
            let lines = ICalendar.fold(long).components(separatedBy: "\r\n")
            #expect(lines.allSatisfy { $0.utf8.count <= 75 })
            #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
            #expect(lines.first!.utf8.count == 75)
            #expect(lines.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == long)

            let accented = "DESCRIPTION:" + String(repeating: "é", count: 60) + String(repeating: "漢", count: 30)
            let folded = ICalendar.fold(accented).components(separatedBy: "\r\n")
            #expect(folded.allSatisfy { $0.utf8.count <= 75 })
            #expect(folded.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == accented,
                    "unfolding gives back the line with every character intact")
        }

        @Test("a document has CRLF lines, UTC times, UID, DTSTAMP and escaped fields")
        func document() {
            let start = WorkshopFixtures.wib(2026, 3, 16, 9)
            let text = ICalendar.document(name: "Jadwal", events: [
                ICalendarEvent(uid: "session-1@asah.example", startsAt: start, endsAt: start + 5400, summary: "Pelayanan, Prima",
                               location: "Aula; Lt 2", description: "Instruktur: Budi\nDaring", url: "https://asah.example/runs/1"),
            ], stamp: 0)
            #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
            #expect(text.hasSuffix("END:VCALENDAR\r\n"))
            #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare line feeds")
            for line in ["UID:session-1@asah.example", "DTSTAMP:19700101T000000Z", "DTSTART:20260316T020000Z",
                         "DTEND:20260316T033000Z", #"SUMMARY:Pelayanan\, Prima"#, #"LOCATION:Aula\; Lt 2"#,
                         #"DESCRIPTION:Instruktur: Budi\nDaring"#, "URL:https://asah.example/runs/1"] {
                #expect(text.contains("\r\n" + line + "\r\n"), "missing \(line)")
            }
        }
    }
}
