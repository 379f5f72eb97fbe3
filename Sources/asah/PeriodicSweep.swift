import AsahCore
import Foundation
import Logging

/// Runs the workshop sweep (expired seat offers move on, "session tomorrow" reminders), the
/// project reminders (due, late, waiting for review), the behaviour-check sweep (checks
/// scheduled, respondents told and reminded), the survey announcements, the purge of
/// expired sessions and of uploaded files no record refers to every few minutes
/// on a background thread while the server runs.
final class PeriodicSweep: @unchecked Sendable {
    private let sweep: WorkshopSweep
    private let projects: ProjectSweep
    private let checks: BehaviourChecks
    private let surveys: Surveys
    private let sessions: SessionStore
    private let database: AppDatabase
    private let interval: TimeInterval
    private let logger: Logger
    private let timer: DispatchSourceTimer

    init(database: AppDatabase, interval: TimeInterval = 300, behaviourCheckMonths: Int = 3, logger: Logger) {
        sweep = WorkshopSweep(database: database)
        projects = ProjectSweep(database: database)
        checks = BehaviourChecks(database: database, monthsAfter: behaviourCheckMonths)
        surveys = Surveys(database: database)
        sessions = SessionStore(database: database, policy: SessionPolicy())
        self.database = database
        self.interval = interval
        self.logger = logger
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "asah.sweep"))
    }

    func start() {
        timer.schedule(deadline: .now(), repeating: interval)
        // Reminders of "tomorrow's" sessions and due dates reckon days in the installation's zone.
        timer.setEventHandler { [self] in database.withLocalZone { round() } }
        timer.resume()
    }

    /// One round of every sweep, failures logged.
    private func round() {
        do {
            try sessions.purgeExpired()
            let orphans = try StoredUploads.removeOrphans(database: database)
            if orphans > 0 { logger.info("sweep: \(orphans) uploaded files no record refers to removed") }
            let result = try sweep.run()
            if result.expiredOffers + result.reminders > 0 {
                logger.info("sweep: \(result.expiredOffers) offers expired, \(result.reminders) reminders sent")
            }
            let projectReminders = try projects.run()
            if projectReminders > 0 { logger.info("sweep: \(projectReminders) project reminders sent") }
            let scheduled = try checks.schedule()
            let sent = try checks.notify()
            let announced = try surveys.announce()
            if scheduled + sent.told + sent.reminded + announced > 0 {
                logger.info("sweep: \(scheduled) behaviour checks scheduled, \(sent.told) opened, \(sent.reminded) reminded, \(announced) surveys announced")
            }
        } catch {
            logger.error("sweep failed: \(error)")
        }
    }

    func stop() {
        timer.cancel()
    }
}
