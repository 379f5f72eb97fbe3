import Foundation
import GRDB
import Synchronization

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
        /// Whether the run's counts are withheld: its participants add up to the report's, so
        /// runs are suppressed with complementary cells (``SmallCell/hiddenGroups(_:)``).
        public internal(set) var hidden = false
    }

    public let filter: ImpactFilter
    public let participants: Int
    public let completed: Int
    public let reaction: SurveySummary
    public let learning: GainSummary
    public let behaviour: BehaviourSummary
    public let results: ImpactAnalysis.Result
    public let runs: [RunLine]
    /// Public satisfaction before and after, per unit whose staff took part (``PublicVoiceImpact``).
    public let publicVoice: [PublicVoiceImpact.UnitLine]

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
        let parts = try Part.allCases.reduce(Parts()) { parts, part in
            parts.merging(try read(part, filter, today: today, appraisals: appraisals.map { table in { table } }, in: db))
        }
        return assemble(filter, parts)
    }

    /// The report for `filter` with its parts read side by side, each in a transaction of its
    /// own from `pool` (a province's report is mostly waiting on SQLite, one core per query);
    /// `appraisals` gives everyone's appraisals as a transaction reads them. The parts must
    /// have read the same evaluation data version (``DataVersion/evaluation``): if a write
    /// came between them, the report is read again in one transaction. Returns the report and
    /// the version it describes.
    public static func build(_ filter: ImpactFilter, today: CalendarDate, pool: DatabasePool,
                             appraisals: @escaping @Sendable (Database) throws -> AppraisalTable) throws -> (ImpactReport, Int64) {
        let state = Mutex<(parts: Parts, versions: Set<Int64>, error: (any Error)?)>((Parts(), [], nil))
        Parallel.perform(Part.allCases.count) { index in
            let part = Part.allCases[index]
            do {
                let (read, version) = try pool.read { db in
                    (try Self.read(part, filter, today: today, appraisals: { try appraisals(db) }, in: db),
                     try DataVersion.evaluation.current(db))
                }
                state.withLock { $0.parts = $0.parts.merging(read); $0.versions.insert(version) }
            } catch {
                state.withLock { $0.error = error }
            }
        }
        let (parts, versions, error) = state.withLock { $0 }
        if let error { throw error }
        if versions.count == 1, let version = versions.first { return (assemble(filter, parts), version) }
        return try pool.read { db in
            (try build(filter, today: today, appraisals: try appraisals(db), in: db), try DataVersion.evaluation.current(db))
        }
    }

    /// The parts of a report, each read by itself.
    enum Part: CaseIterable {
        case participation, reaction, learning, behaviour
        /// L4 and the public's voice, which compare the same participants (read once).
        case results
    }

    /// What the parts read so far.
    struct Parts: Sendable {
        var participation: (participants: Int, completed: Int, runs: [RunLine])?
        var reaction: (summary: SurveySummary, means: [Int64: Double])?
        var gains: [Int64: GainSummary]?
        var behaviour: BehaviourSummary?
        var results: ImpactAnalysis.Result?
        var publicVoice: [PublicVoiceImpact.UnitLine]?

        func merging(_ other: Parts) -> Parts {
            Parts(participation: participation ?? other.participation, reaction: reaction ?? other.reaction,
                  gains: gains ?? other.gains, behaviour: behaviour ?? other.behaviour, results: results ?? other.results,
                  publicVoice: publicVoice ?? other.publicVoice)
        }
    }

    static func read(_ part: Part, _ filter: ImpactFilter, today: CalendarDate, appraisals: (() throws -> AppraisalTable)?,
                     in db: Database) throws -> Parts {
        let (sql, arguments) = filter.people
        var parts = Parts()
        switch part {
        case .participation:
            let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) AS n, COALESCE(SUM(e.state = 'completed'), 0) AS done FROM enrolments e
                JOIN runs r ON r.id = e.run_id \(ImpactFilter.participantJoin(sql, on: "e.employee_id"))
                WHERE e.state IN ('completed', 'not_completed') AND \(sql)
                """, arguments: arguments)
            parts.participation = (row?["n"] ?? 0, row?["done"] ?? 0, try runTable(filter, reactions: [:], gains: [:], in: db))
        case .reaction:
            let (runSQL, runArguments) = filter.runs
            parts.reaction = try Surveys.summaryAndMeans(runFilter: runSQL, runArguments, in: db)
        case .learning:
            parts.gains = try TestScores.summaries(runFilter: sql, arguments, in: db)
        case .behaviour:
            parts.behaviour = try BehaviourChecks.summary(runFilter: sql, arguments, today: today, in: db)
        case .results:
            let participants = try ImpactAnalysis.firstTrainings(filter, in: db)
            parts.results = try ImpactAnalysis.run(filter, participants: participants, appraisals: appraisals, in: db)
            parts.publicVoice = try PublicVoiceImpact.lines(participants, appraisals: appraisals, in: db)
        }
        return parts
    }

    /// The report from all its parts; the run table takes each run's reaction and gain.
    static func assemble(_ filter: ImpactFilter, _ parts: Parts) -> ImpactReport {
        let reactions = parts.reaction?.means ?? [:], gains = parts.gains ?? [:]
        return ImpactReport(
            filter: filter, participants: parts.participation?.participants ?? 0, completed: parts.participation?.completed ?? 0,
            reaction: parts.reaction?.summary ?? SurveySummary(responses: 0, items: [:], comments: []),
            learning: GainSummary(merging: gains.sorted { $0.key < $1.key }.map(\.value)),
            behaviour: parts.behaviour ?? BehaviourSummary(due: 0, answered: 0, scores: LikertSummary()),
            results: parts.results ?? ImpactAnalysis.Result(groups: .init(), estimate: nil),
            runs: (parts.participation?.runs ?? []).map { $0.with(reaction: reactions[$0.runId], gain: gains[$0.runId]) },
            publicVoice: parts.publicVoice ?? [])
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
        // The runs (a few thousand) in id order, each run's places from the covering index:
        // grouped as they come, instead of sorting a province's 200,000 places by run.
        var lines = try Row.fetchAll(db, sql: """
            SELECT r.id, r.code, r.title, r.ends_on,
                   COUNT(e.id) AS n, COALESCE(SUM(e.state = 'completed'), 0) AS done
            FROM runs r NOT INDEXED CROSS JOIN enrolments e ON e.run_id = r.id AND e.state IN ('completed', 'not_completed')
            \(ImpactFilter.participantJoin(sql, on: "e.employee_id"))
            WHERE \(sql) GROUP BY r.id ORDER BY r.ends_on DESC, r.code
            """, arguments: arguments).map { row in
            let id: Int64 = row["id"]
            return RunLine(runId: id, code: row["code"], title: row["title"], endsOn: row["ends_on"],
                           participants: row["n"], completed: row["done"], reaction: nil, gain: nil)
                .with(reaction: reactions[id], gain: gains[id])
        }
        for index in SmallCell.hiddenGroups(lines.map(\.participants)) { lines[index].hidden = true }
        return lines
    }
}

extension ImpactReport.RunLine {
    /// The line with the run's mean reaction and its gains (the mean when at least five have one).
    func with(reaction: Double?, gain: GainSummary?) -> Self {
        Self(runId: runId, code: code, title: title, endsOn: endsOn, participants: participants, completed: completed,
             reaction: reaction, gain: gain.flatMap { SmallCell.guarded($0.gains.count, $0.mean) } ?? nil, hidden: hidden)
    }
}
