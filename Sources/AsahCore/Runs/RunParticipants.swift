import GRDB

/// The people taking part in a run, for its participant list and its attendance sheet
/// (daftar hadir) for the SPJ: everyone enrolled, completed or not completed, by name, with
/// what the sheet names them by, and the run's sessions to sign for.
public struct RunParticipants: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// One participant as the list shows them.
    public struct Participant: Sendable, Hashable {
        public let nip: String
        public let name: String
        public let unitName: String?
        public let golongan: Golongan?
        public let jabatan: String?
        public let state: EnrolmentState
    }

    /// A run's facts (sessions included) and its participants.
    public struct List: Sendable {
        public let facts: RunFacts
        public let participants: [Participant]
    }

    /// The participants of run `runId`, read in one snapshot, when `viewer` may see them: a
    /// coordinator, or the instructor of one of its sessions (who already sees them on the
    /// session's attendance form); `nil` otherwise or when there is no such run.
    public func list(runId: Int64, viewer: Principal) throws -> List? {
        try database.pool.read { db in
            guard let facts = try RunFacts.load(runId, in: db) else { return nil }
            let teaches = viewer.employeeId.map { own in facts.sessions.contains { $0.session.instructorEmployeeId == own } } ?? false
            guard WorkshopAccess.coordinates(viewer) || teaches else { return nil }
            let participants = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT p.nip, p.name, p.golongan, p.jabatan, u.name AS unit_name, e.state
                FROM enrolments e JOIN employees p ON p.id = e.employee_id LEFT JOIN units u ON u.id = p.unit_id
                WHERE e.run_id = ? AND e.state IN ('enrolled', 'completed', 'not_completed')
                ORDER BY p.name COLLATE NOCASE, p.id
                """), arguments: [runId]).map { row in
                Participant(nip: try row.decode(forColumn: "nip"), name: try row.decode(forColumn: "name"),
                            unitName: try row.decode(forColumn: "unit_name"), golongan: try row.decode(forColumn: "golongan"),
                            jabatan: try row.decode(forColumn: "jabatan"), state: try row.decode(forColumn: "state"))
            }
            return List(facts: facts, participants: participants)
        }
    }
}
