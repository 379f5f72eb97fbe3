import GRDB

/// Everything a person's own training page shows, read from one snapshot: their places in
/// runs, the sessions they may check in to now, their certificates and a year's JP ledger.
public struct PersonalTraining: Sendable {
    public let places: [PersonalPlace]
    public let checkIns: [Attendance.CheckInSession]
    public let certificates: [HeldCertificate]
    public let ledger: TrainingLedger
}

/// Reads ``PersonalTraining`` for the page and API of a person's own training.
public struct PersonalTrainingPages: Sendable {
    let database: AppDatabase

    /// Pages over `database`.
    public init(database: AppDatabase) {
        self.database = database
    }

    /// `employeeId`'s training with the ledger of `year` (offers past their window are
    /// expired first, so places are current).
    public func page(employeeId: Int64, year: Int, now: Int64 = Clock.now()) throws -> PersonalTraining {
        try EnrolmentService(database: database).expireOffers(now: now)
        return try database.pool.read { db in
            PersonalTraining(places: try EnrolmentService.places(employeeId: employeeId, in: db),
                             checkIns: try Attendance.checkInSessions(employeeId: employeeId, now: now, in: db),
                             certificates: try Certificates.held(employeeId: employeeId, in: db),
                             ledger: try TrainingHours.ledger(employeeId: employeeId, year: year, in: db))
        }
    }
}
