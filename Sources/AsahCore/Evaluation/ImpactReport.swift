import GRDB

/// The figures of the coordinator's impact dashboard for an ``ImpactFilter``: participation
/// and completion, and Kirkpatrick L1-L4. Every figure about fewer than ``SmallCell/minimum``
/// people is left out by the summaries it comes from.
public struct ImpactReport: Sendable {
    /// One finished run with its own figures (for the table under the charts).
    public struct RunLine: Sendable, Hashable {
        public let runId: Int64
        public let code: String
        public let title: String
        public let endsOn: CalendarDate
        public let participants: Int
        public let completed: Int
        /// The mean of all L1 answers, when at least five responses.
        public let reaction: Double?
        /// The mean normalised gain, when at least five participants have a gain.
        public let gain: Double?
    }

    public let filter: ImpactFilter
    public let participants: Int
    public let completed: Int
    public let reaction: SurveySummary
    public let learning: GainSummary
    public let behaviour: BehaviourSummary
    public let results: ImpactAnalysis.Result
    public let runs: [RunLine]

    /// completed / participants, when at least five took part.
    public var completionRate: Double? {
        SmallCell.guarded(participants, Double(completed) / Double(participants))
    }

    /// The mean gain when at least five participants have one.
    public var meanGain: Double? {
        SmallCell.guarded(learning.gains.count, learning.mean).flatMap { $0 }
    }

    /// `appraisals`: everyone's appraisals when already read (``AppraisalTable/load(years:employees:in:)``).
    public static func build(_ filter: ImpactFilter, today: CalendarDate, appraisals: AppraisalTable? = nil,
                             in db: Database) throws -> ImpactReport {
        let (sql, arguments) = filter.people
        let (runSQL, runArguments) = filter.runs
        var participants = 0, completed = 0
        if let row = try Row.fetchOne(db, sql: """
            SELECT COUNT(*) AS n, COALESCE(SUM(e.state = 'completed'), 0) AS done FROM enrolments e
            JOIN runs r ON r.id = e.run_id \(ImpactFilter.participantJoin(sql, on: "e.employee_id"))
            WHERE e.state IN ('completed', 'not_completed') AND \(sql)
            """, arguments: arguments) {
            participants = row["n"]
            completed = row["done"]
        }
        let (reaction, reactions) = try Surveys.summaryAndMeans(runFilter: runSQL, runArguments, in: db)
        let gains = try TestScores.summaries(runFilter: sql, arguments, in: db)
        return ImpactReport(
            filter: filter, participants: participants, completed: completed,
            reaction: reaction,
            learning: GainSummary(merging: Array(gains.values)),
            behaviour: try BehaviourChecks.summary(runFilter: sql, arguments, today: today, in: db),
            results: try ImpactAnalysis.run(filter, appraisals: appraisals, in: db),
            runs: try runTable(filter, reactions: reactions, gains: gains, in: db))
    }

    /// The run table alone (for its CSV): without the L3 summary and the L4 analysis.
    public static func runLines(_ filter: ImpactFilter, in db: Database) throws -> [RunLine] {
        let (runSQL, runArguments) = filter.runs
        let (sql, arguments) = filter.people
        return try runTable(filter, reactions: Surveys.summaryAndMeans(runFilter: runSQL, runArguments, in: db).means,
                            gains: TestScores.summaries(runFilter: sql, arguments, in: db), in: db)
    }

    private static func runTable(_ filter: ImpactFilter, reactions: [Int64: Double], gains: [Int64: GainSummary],
                                 in db: Database) throws -> [RunLine] {
        let (sql, arguments) = filter.people
        return try Row.fetchAll(db, sql: """
            SELECT r.id, r.code, r.title, r.ends_on,
                   COUNT(e.id) AS n, COALESCE(SUM(e.state = 'completed'), 0) AS done
            FROM runs r JOIN enrolments e ON e.run_id = r.id AND e.state IN ('completed', 'not_completed')
            \(ImpactFilter.participantJoin(sql, on: "e.employee_id"))
            WHERE \(sql) GROUP BY r.id ORDER BY r.ends_on DESC, r.code
            """, arguments: arguments).map { row in
            let id: Int64 = row["id"]
            let gain = gains[id].flatMap { SmallCell.guarded($0.gains.count, $0.mean) } ?? nil
            return RunLine(runId: id, code: row["code"], title: row["title"], endsOn: row["ends_on"],
                           participants: row["n"], completed: row["done"], reaction: reactions[id], gain: gain)
        }
    }
}
