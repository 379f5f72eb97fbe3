import Foundation
import GRDB
import Synchronization

/// The coordinator's costly figures (the impact report per filter, the province's training
/// demand and JP compliance per year), each computed once per evaluation data version
/// (``DataVersion/evaluation``) and shared by every request for it (``FigureCache``). The
/// report and the demand share one reading of everyone's appraisals.
public final class EvaluationFigures: Sendable {
    private struct ReportKey: Hashable, Sendable {
        let filter: ImpactFilter
        let today: CalendarDate
    }

    private let database: AppDatabase
    private let appraisalTables = FigureCache<Int, AppraisalTable>(capacity: 1)
    private let reports = FigureCache<ReportKey, ImpactReport>()
    private let demands = FigureCache<Int, TrainingDemand>(capacity: 8)
    private let complianceByYear = FigureCache<Int, [UnitCompliance]>(capacity: 8)

    public init(database: AppDatabase) {
        self.database = database
    }

    /// The impact report for `filter`; `version` is the data version the caller read.
    public func report(_ filter: ImpactFilter, today: CalendarDate, version: Int64) throws -> ImpactReport {
        try reports.value(ReportKey(filter: filter, today: today), version: version) {
            preloadAppraisals()
            return try ImpactReport.build(filter, today: today, pool: database.pool) { try self.appraisals($0).table }
        }
    }

    /// The province's training demand in `year`.
    public func demand(year: Int, version: Int64) throws -> TrainingDemand {
        try demands.value(year, version: version) {
            preloadAppraisals()
            return try database.pool.read { db in
                let (appraisals, version) = try self.appraisals(db)
                return (try TrainingDemand.compute(year: year, appraisals: appraisals, in: db), version)
            }
        }
    }

    /// JP compliance per unit in `year`.
    public func compliance(year: Int, version: Int64) throws -> [UnitCompliance] {
        try complianceByYear.value(year, version: version) {
            try database.pool.read { db in (try TrainingHours.compliance(year: year, in: db), try DataVersion.evaluation.current(db)) }
        }
    }

    /// The dashboard's three figures for `filter` in `year`, computed side by side when not
    /// kept (a cold province dashboard is mostly waiting on SQLite, one core per query).
    public func dashboard(_ filter: ImpactFilter, year: Int, today: CalendarDate,
                   version: Int64) throws -> (report: ImpactReport, demand: TrainingDemand, compliance: [UnitCompliance]) {
        let results = Mutex<(report: ImpactReport?, demand: TrainingDemand?, compliance: [UnitCompliance]?, error: (any Error)?)>(
            (nil, nil, nil, nil))
        Parallel.perform(3) { part in
            do {
                switch part {
                case 0:
                    let report = try self.report(filter, today: today, version: version)
                    results.withLock { $0.report = report }
                case 1:
                    let demand = try self.demand(year: year, version: version)
                    results.withLock { $0.demand = demand }
                default:
                    let compliance = try self.compliance(year: year, version: version)
                    results.withLock { $0.compliance = compliance }
                }
            } catch {
                results.withLock { $0.error = error }
            }
        }
        let (report, demand, compliance, error) = results.withLock { $0 }
        if let error { throw error }
        return (report!, demand!, compliance!)
    }

    /// The evaluation data version now (read it before asking for figures).
    public func version() throws -> Int64 {
        try database.pool.read { try DataVersion.evaluation.current($0) }
    }

    /// Starts reading everyone's appraisals on another thread, while the caller's first queries
    /// run: whoever needs them next waits for that reading instead of starting another.
    private func preloadAppraisals() {
        DispatchQueue.global().async { [self] in _ = try? database.pool.read { try self.appraisals($0) } }
    }

    /// Everyone's appraisals as of the transaction `db` reads, with that data version.
    private func appraisals(_ db: Database) throws -> (table: AppraisalTable, version: Int64) {
        let version = try DataVersion.evaluation.current(db)
        return (try appraisalTables.value(0, version: version) { (try AppraisalTable.load(in: db), version) }, version)
    }
}
