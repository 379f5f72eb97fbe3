@testable import AsahCore
import Foundation
import HTTPTestSupport
import Testing

/// The workshops' words come from the catalogues in the reader's language: an employee who
/// chose English reads a run's state, where their place stands and the workshop notifications
/// in English, while their Indonesian-speaking supervisor reads Indonesian.
@Suite("Workshops in the reader's language")
struct WorkshopLanguageTests {
    @Test("an English reader sees the run's status, their place and the approval notice in English")
    func englishReader() throws {
        let app = try TestApp()
        let id = try RunFixtures.run(app)
        var pegawai = try englishRequest(app, run: id)

        var atasan = try app.signIn("demo.atasan")
        #expect(try atasan.get("/notifications").text.contains("meminta persetujuan Anda untuk mengikuti Komunikasi Angkatan Uji"),
                "the supervisor reads Indonesian")
        try approve(app, run: id)

        let page = try pegawai.get("/runs/\(id)").text
        #expect(page.contains("Open for enrolment"))
        #expect(page.contains("Enrolled"))
        #expect(page.contains("You are enrolled as a participant."))
        #expect(!page.contains("Pendaftaran dibuka"))
        #expect(!page.contains("Anda terdaftar sebagai peserta."))

        let inbox = try pegawai.get("/notifications").text
        #expect(inbox.contains("Your request for Komunikasi Angkatan Uji was approved by"))
        #expect(inbox.contains("You are enrolled as a participant."))
        #expect(!inbox.contains("Permohonan Anda untuk"))
        let api = try pegawai.get("/api/v1/runs/\(id)").text
        #expect(api.contains("You are enrolled as a participant."))
    }

    @Test("an English reader on the waitlist reads where they stand, in the notice and on the run page")
    func englishWaitlist() throws {
        let app = try TestApp()
        let id = try RunFixtures.run(app, capacity: 1)
        let coordinator = try RunFixtures.principal(app, "demo.koordinator")
        let atasanEmployee = try #require(try RunFixtures.principal(app, "demo.atasan").employeeId)
        _ = try EnrolmentService(database: app.database).nominate(runId: id, employeeId: atasanEmployee, mandatory: false,
                                                                 actor: coordinator).get()
        var pegawai = try englishRequest(app, run: id)
        try approve(app, run: id)

        let inbox = try pegawai.get("/notifications").text
        #expect(inbox.contains("The run is full. You are number 1 of 1 on the waitlist. "
                               + "The order follows the time of approval; mandatory nominations come first."))
        let page = try pegawai.get("/runs/\(id)").text
        #expect(page.contains("Waitlisted"))
        #expect(page.contains("Number 1 of 1 on the waitlist."))
        #expect(page.contains("When a seat frees up, the person at the front is offered it with a deadline to confirm."))
        #expect(!page.contains("daftar tunggu"))
    }

    @Test("a cancelled run tells an English reader why in English, in the notice and on the run page")
    func englishCancellation() throws {
        let app = try TestApp()
        let id = try RunFixtures.run(app)
        var pegawai = try englishRequest(app, run: id)
        _ = try RunPlanning(database: app.database).cancel(runId: id, reason: "Anggaran dialihkan",
                                                           actor: try RunFixtures.principal(app, "demo.koordinator")).get()

        #expect(try pegawai.get("/notifications").text.contains("Komunikasi Angkatan Uji has been cancelled: Anggaran dialihkan"))
        let page = try pegawai.get("/runs/\(id)").text
        #expect(page.contains("Cancelled. The run was cancelled: Anggaran dialihkan"))
        #expect(!page.contains("Angkatan dibatalkan"))
    }

    /// demo.pegawai, reading English, asks for a seat in run `id`.
    private func englishRequest(_ app: TestApp, run id: Int64) throws -> Browser {
        var pegawai = try app.signIn("demo.pegawai")
        _ = try pegawai.post("/language", [("lang", "en"), ("next", "/runs/\(id)")])
        #expect(try pegawai.post("/runs/\(id)/request", []).status == 303)
        return pegawai
    }

    /// demo.atasan, reading Indonesian, approves demo.pegawai's request in run `id` from the inbox.
    private func approve(_ app: TestApp, run id: Int64) throws {
        let employeeId = try #require(try RunFixtures.principal(app, "demo.pegawai").employeeId)
        let enrolment = try #require(try EnrolmentService(database: app.database).standing(runId: id, employeeId: employeeId)?.enrolment.id)
        var atasan = try app.signIn("demo.atasan")
        _ = try atasan.get("/approvals")
        #expect(try atasan.post("/approvals/\(enrolment)/approve", []).status == 303)
    }
}
