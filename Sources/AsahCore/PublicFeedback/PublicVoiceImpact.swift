import GRDB

/// The public's view of a programme, per unit: for each unit whose staff completed runs of an
/// ``ImpactFilter``, public satisfaction before and after (the IKM from Asah's feedback form
/// and the imported survey results) beside the share of its participants rated Baik or better
/// before and after. Before means the year before the first of them started; after, the year
/// after the last of them finished. A figure about fewer than ``SmallCell/minimum`` answers,
/// respondents or people is left out. An association, not proof of an effect: nothing else
/// that changed in the unit is accounted for.
public enum PublicVoiceImpact {
    /// A satisfaction figure on one side of the training.
    public struct Reading: Sendable, Hashable {
        /// Answers of the form, or respondents of the survey.
        public let count: Int
        /// The IKM, 25-100; `nil` when `count` is under the minimum.
        public let index: Double?
        /// The survey's period, for imported results.
        public let period: String?

        init(count: Int, index: Double?, period: String? = nil) {
            self.count = count
            self.index = SmallCell.guarded(count, index).flatMap { $0 }
            self.period = period
        }
    }

    /// One unit's line.
    public struct UnitLine: Sendable, Hashable {
        public let unitId: Int64
        public let name: String
        /// Staff of the unit who completed a run of the filter.
        public let participants: Int
        public let trainedFrom: CalendarDate
        public let trainedTo: CalendarDate
        public let formBefore: Reading
        public let formAfter: Reading
        public let surveyBefore: Reading?
        public let surveyAfter: Reading?
        /// The participants' share rated Baik or better before and after, when at least five have both.
        public let appraisal: DifferenceInDifferences.Shares?
    }

    /// How far before and after the training public feedback is counted, in days.
    public static let windowDays = 365

    /// The lines for the units of `participants` (a filter's ``ImpactAnalysis/firstTrainings(_:in:)``).
    static func lines(_ participants: [ImpactMatching.Participant], appraisals: (() throws -> AppraisalTable)?,
                      in db: Database) throws -> [UnitLine] {
        guard !participants.isEmpty else { return [] }
        var unitOf: [Int64: Int64] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT id, unit_id FROM employees WHERE unit_id IS NOT NULL")) { unitOf[row[0]] = row[1] }
        let byUnit = Dictionary(grouping: participants) { unitOf[$0.employeeId] ?? 0 }.filter { $0.key != 0 }
        let names = try Dictionary(Row.fetchAll(db.cachedStatement(sql: "SELECT id, name FROM units")).map { ($0[0] as Int64, $0[1] as String) },
                                   uniquingKeysWith: { first, _ in first })
        let firstYear = (participants.map(\.startedOn.year).min() ?? 0) - 1
        let lastYear = (participants.map(\.endedOn.year).max() ?? 0) + 1
        var table: AppraisalTable?
        var lines: [UnitLine] = []
        for (unitId, staff) in byUnit {
            let from = staff.map(\.startedOn).min()!, to = staff.map(\.endedOn).max()!
            let before = try form(unitId, from: from.adding(days: -windowDays), until: from, in: db)
            let after = try form(unitId, from: to.adding(days: 1), until: to.adding(days: windowDays + 1), in: db)
            let surveyBefore = try survey(unitId, "ends_on < ? ORDER BY ends_on DESC", from, in: db)
            let surveyAfter = try survey(unitId, "starts_on > ? ORDER BY starts_on", to, in: db)
            guard before.count + after.count > 0 || surveyBefore != nil || surveyAfter != nil else { continue }
            if table == nil { table = try appraisals?() ?? AppraisalTable.load(years: firstYear...lastYear, in: db) }
            let changes = staff.compactMap { person -> BeforeAfter? in
                guard let table, let index = table.index(of: person.employeeId),
                      let (prior, later) = ImpactMatching.beforeAndAfter(person, table.records(at: index), table) else { return nil }
                return BeforeAfter(before: ImpactMatching.isGood(rank: table.ranks[prior]), after: ImpactMatching.isGood(rank: table.ranks[later]))
            }
            lines.append(UnitLine(unitId: unitId, name: names[unitId] ?? "", participants: staff.count, trainedFrom: from, trainedTo: to,
                                  formBefore: before, formAfter: after, surveyBefore: surveyBefore, surveyAfter: surveyAfter,
                                  appraisal: SmallCell.guarded(changes.count, DifferenceInDifferences.Shares(changes))))
        }
        return lines.sorted { ($0.name, $0.unitId) < ($1.name, $1.unitId) }
    }

    /// The answers of the form for `unitId` received from `start` up to (not including) `end`.
    private static func form(_ unitId: Int64, from start: CalendarDate, until end: CalendarDate, in db: Database) throws -> Reading {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*), AVG((overall + speed + requirements + courtesy) / 4.0) FROM public_feedback
            WHERE unit_id = ? AND received_on >= ? AND received_on < ?
            """), arguments: [unitId, start, end])
        let mean: Double? = row?[1]
        return Reading(count: row?[0] ?? 0, index: mean.map(ServiceElement.index(fromMean:)))
    }

    /// The unit's survey result nearest the training on one side (`condition` over `date`).
    /// `condition` is one of two constants, so each is prepared once per connection (preparing
    /// it for every unit was a tenth of a province's all-years report).
    private static func survey(_ unitId: Int64, _ condition: String, _ date: CalendarDate, in db: Database) throws -> Reading? {
        try SatisfactionSurvey.fetchOne(db.cachedStatement(sql: "SELECT * FROM satisfaction_surveys WHERE unit_id = ? AND \(condition) LIMIT 1"),
                                        arguments: [unitId, date])
            .map { Reading(count: $0.respondents, index: $0.score, period: $0.period) }
    }
}
