@testable import AsahCore
import Foundation
import GRDB
import HTTPTestSupport
import Testing

/// Attendance says why someone was absent (hadir, izin, sakit, alpa), and is taken only once a
/// session has started.
@Suite("Attendance marks")
struct AttendanceMarksTests {
    @Test("an absence is izin or sakit when given, alpa otherwise; only hadir counts; the summary names each")
    func reasons() throws {
        let app = try TestApp()
        let fixture = TrainingFixture(app: app)
        let (run, sessions) = try fixture.runningRun("MARK-1", firstSession: Clock.now() - 3600)
        let pegawai = try fixture.employeeId("demo.pegawai")
        var instructor = try app.signIn("demo.instruktur")
        let sheet = try instructor.get("/sessions/\(sessions[0].id!)/attendance").text
        #expect(sheet.contains("name=\"absence_\(pegawai)\"") && sheet.contains(">Izin</option>") && sheet.contains(">Sakit</option>"))

        #expect(try instructor.post("/sessions/\(sessions[0].id!)/attendance", [("absence_\(pegawai)", "sakit")]).status == 303)
        #expect(try Attendance(database: app.database).sheet(sessionId: sessions[0].id!).first { $0.employeeId == pegawai }?.status == .sakit)
        #expect(try Attendance(database: app.database).rates(runId: run.id!)[pegawai]?.attended == 0, "sakit is not attendance")
        #expect(try instructor.get("/sessions/\(sessions[0].id!)/attendance").text.contains("Hadir 0, izin 0, sakit 1, alpa 0"))

        // A reason that is not izin or sakit is no reason: alpa.
        _ = try instructor.post("/sessions/\(sessions[0].id!)/attendance", [("absence_\(pegawai)", "libur")])
        #expect(try Attendance(database: app.database).sheet(sessionId: sessions[0].id!).first { $0.employeeId == pegawai }?.status == .alpa)
        // Ticked present wins over a reason.
        _ = try instructor.post("/sessions/\(sessions[0].id!)/attendance", [("present", String(pegawai)), ("absence_\(pegawai)", "izin")])
        #expect(try Attendance(database: app.database).sheet(sessionId: sessions[0].id!).first { $0.employeeId == pegawai }?.status == .hadir)
    }

    @Test("a session that has not started takes no attendance: the form says from when, a post is refused and saves nothing")
    func notStarted() throws {
        let app = try TestApp()
        let fixture = TrainingFixture(app: app)
        let (_, sessions) = try fixture.runningRun("MARK-2", firstSession: Clock.now() - 3600)
        let tomorrow = try #require(sessions.last)
        let pegawai = try fixture.employeeId("demo.pegawai")
        var instructor = try app.signIn("demo.instruktur")
        let sheet = try instructor.get("/sessions/\(tomorrow.id!)/attendance").text
        #expect(sheet.contains("Sesi ini belum dimulai") && !sheet.contains("attendance-save"))
        let refused = try instructor.post("/sessions/\(tomorrow.id!)/attendance", [("present", String(pegawai))])
        #expect(refused.status == 409)
        #expect(refused.text.contains("Kehadiran baru bisa dicatat setelah sesi dimulai"))
        #expect(try Attendance(database: app.database).sheet(sessionId: tomorrow.id!).allSatisfy { $0.status == nil })
        // The domain holds the rule for every caller, not only the form.
        let coordinator = try fixture.principal("demo.koordinator")
        let result = try Attendance(database: app.database).mark(sessionId: tomorrow.id!, present: [pegawai], actor: coordinator)
        #expect(throws: WorkshopProblem.sessionNotStarted(tomorrow.startsAt)) { try result.get() }
    }
}
