import Foundation
import GRDB

/// The training-hours (JP) ledger: per employee and year, the JP of completed Asah runs plus
/// external trainings the employee records with evidence and a coordinator verifies.
public struct TrainingHours: Sendable {
    let database: AppDatabase

    /// The ledger in `database`.
    public init(database: AppDatabase) {
        self.database = database
    }

    /// The employee's entries for `year` and their progress toward the target of their employment type.
    public func ledger(employeeId: Int64, year: Int) throws -> TrainingLedger {
        try database.pool.read { try Self.ledger(employeeId: employeeId, year: year, in: $0) }
    }

    /// The ledger of `year` of the employee with `nip`, when `viewer` may see their training;
    /// `nil` otherwise. One read.
    public func ledger(nip: String, year: Int, for viewer: Principal) throws -> TrainingLedger? {
        try database.pool.read { db in
            try WorkshopLookups.visibleEmployee(nip: nip, for: viewer, in: db).map { try Self.ledger(employeeId: $0, year: year, in: db) }
        }
    }

    /// ``ledger(employeeId:year:)`` inside the caller's read.
    static func ledger(employeeId: Int64, year: Int, in db: Database) throws -> TrainingLedger {
        let employment = try String.fetchOne(db.cachedStatement(sql: "SELECT employment FROM employees WHERE id = ?"),
                                             arguments: [employeeId]).flatMap(Employment.init(rawValue:)) ?? .pns
        let rule = try EmploymentRules.read(db).rule(for: employment)
        let entries = try TrainingHoursEntry.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM training_hours WHERE employee_id = ? AND year = ? ORDER BY COALESCE(ended_on, '') DESC, id DESC
            """), arguments: [employeeId, year])
        return TrainingLedger(employeeId: employeeId, year: year, target: rule.target, cap: rule.cap, entries: entries)
    }

    /// The employee (or a coordinator for them) records an external training with its
    /// evidence; it counts once a coordinator verifies it.
    public func recordExternal(employeeId: Int64, _ training: ExternalTraining, actor: Principal, ip: String? = nil,
                               now: Int64? = nil) throws -> Result<TrainingHoursEntry, WorkshopProblem> {
        try database.attempt(at: now) { db, now in
            guard actor.employeeId == employeeId || WorkshopAccess.coordinates(actor) else { throw WorkshopProblem.notPermitted }
            _ = try WorkshopLookup.employee(employeeId, in: db)
            guard training.problems.isEmpty else { throw WorkshopProblem.invalidTraining(training.problems) }
            var entry = TrainingHoursEntry(
                employeeId: employeeId, year: training.endedOn.year, jp: training.jp, source: .external,
                title: training.title.trimmingCharacters(in: .whitespaces), organiser: training.organiser, kind: training.kind,
                startedOn: training.startedOn, endedOn: training.endedOn, certificateNumber: training.certificateNumber,
                evidencePath: training.evidencePath, evidenceName: training.evidenceName, status: .pending, createdAt: now)
            try entry.insert(db)
            try AuditLog.record("training.record", actor: actor.userId, ip: ip, subject: "training:\(entry.id!)",
                                detail: "\(Self.format(training.jp)) JP", in: db)
            return entry
        }
    }

    /// External trainings waiting for verification, oldest first, with who recorded them.
    public func pendingReviews() throws -> [PendingTraining] {
        try database.pool.read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT h.*, p.nip, p.name AS employee_name, u.name AS unit_name
                FROM training_hours h JOIN employees p ON p.id = h.employee_id LEFT JOIN units u ON u.id = p.unit_id
                WHERE h.status = 'pending' ORDER BY h.created_at, h.id
                """)).map {
                PendingTraining(entry: try TrainingHoursEntry(row: $0), nip: $0["nip"], name: $0["employee_name"],
                                unitName: $0["unit_name"])
            }
        }
    }

    /// A coordinator verifies (`accept`) or rejects a pending external training; a rejection
    /// needs a note. The employee is notified.
    public func review(entryId: Int64, accept: Bool, note: String?, actor: Principal, ip: String? = nil,
                       now: Int64? = nil) throws -> Result<TrainingHoursEntry, WorkshopProblem> {
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return try database.attempt(at: now) { db, now in
            guard WorkshopAccess.coordinates(actor) else { throw WorkshopProblem.notPermitted }
            guard var entry = try TrainingHoursEntry.fetchOne(db, keptKey: entryId) else { throw WorkshopProblem.trainingEntryNotFound }
            guard entry.employeeId != actor.employeeId else { throw WorkshopProblem.notPermitted }
            guard entry.status == .pending else { throw WorkshopProblem.alreadyReviewed }
            guard accept || !note.isEmpty else { throw WorkshopProblem.reasonRequired }
            entry.status = accept ? .verified : .rejected
            entry.verifiedBy = actor.userId
            entry.verifiedAt = now
            entry.reviewNote = note.isEmpty ? nil : note
            try entry.update(db)
            let notice = accept
                ? NotificationContent("notice_workshop_training_verified",
                                      ["title": entry.title, "jp": Self.format(entry.jp), "year": String(entry.year)])
                : NotificationContent("notice_workshop_training_rejected", ["title": entry.title, "note": note])
            try Notifications.send(to: entry.employeeId, .trainingReviewed, notice,
                                   link: WorkshopLinks.trainingHours, now: now, in: db)
            try AuditLog.record(accept ? "training.verify" : "training.reject", actor: actor.userId, ip: ip,
                                subject: "training:\(entryId)", detail: entry.reviewNote, in: db)
            return entry
        }
    }

    /// "20" or "2.5": JP without needless decimals.
    public static func format(_ jp: Double) -> String {
        jp.rounded() == jp ? String(Int(jp)) : String(jp)
    }
}
