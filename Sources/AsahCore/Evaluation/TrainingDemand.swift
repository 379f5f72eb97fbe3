import GRDB

/// What the province's training needs (``TrainingNeeds``) ask for in a year, for planning
/// next year's runs: how many people are in need, and per course (people it is recommended
/// to) and per unit (people in need), the larger first. Counted by id from the assessment
/// alone, without anyone's name. Small counts are kept and marked ``Line/hidden`` (units add
/// up to ``people``, so they are suppressed with complementary cells, ``SmallCell/hiddenGroups(_:)``;
/// a person may need several courses, so courses are suppressed one by one).
public struct TrainingDemand: Sendable, Hashable {
    /// One course or unit and how many people.
    public struct Line: Sendable, Hashable {
        public let label: String
        public let count: Int
        /// Whether the count must be withheld wherever it is shown.
        public let hidden: Bool
    }

    public let year: Int
    /// Active employees with at least one need.
    public let people: Int
    public let courses: [Line]
    public let units: [Line]

    /// `appraisals`: everyone's appraisals when already read (``AppraisalTable/load(years:employees:in:)``).
    public static func compute(year: Int, appraisals: AppraisalTable? = nil,
                               in db: Database) throws -> TrainingDemand {
        var people = 0, courses: [Int64: (label: String, count: Int)] = [:], units: [Int64?: Int] = [:]
        try TrainingNeeds.assess(nil, year: year, appraisals: appraisals, in: db) { need in
            people += 1
            for course in need.recommendations {
                courses[course.courseId, default: ("\(course.code) \(course.title)", 0)].count += 1
            }
            units[need.unitId, default: 0] += 1
        }
        let unitNames = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db.cachedStatement(sql: "SELECT id, name FROM units"))
            .map { ($0["id"] as Int64, $0["name"] as String) })
        let unitLines = ranked(units.map { ($0.key.flatMap { unitNames[$0] } ?? "–", $0.value) })
        let hiddenUnits = SmallCell.hiddenGroups(unitLines.map(\.count))
        return TrainingDemand(
            year: year, people: people,
            courses: ranked(courses.values.map { ($0.label, $0.count) }).map {
                Line(label: $0.label, count: $0.count, hidden: !SmallCell.shows($0.count))
            },
            units: unitLines.enumerated().map { Line(label: $1.label, count: $1.count, hidden: hiddenUnits.contains($0)) })
    }

    private static func ranked(_ lines: [(label: String, count: Int)]) -> [(label: String, count: Int)] {
        lines.sorted { ($0.count, $1.label) > ($1.count, $0.label) }
    }
}
