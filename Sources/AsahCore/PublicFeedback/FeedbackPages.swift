import GRDB

/// What the coordinators' pages of the public's voice show, each read from one snapshot: the
/// units with their feedback counts and the comments waiting for moderation; one unit's
/// figures, approved comments and imported survey results.
public struct FeedbackPages: Sendable {
    /// A unit on the overview: its answers so far and its comments waiting.
    public struct UnitLine: Sendable, Hashable {
        public let unit: PublicFeedback.ServiceUnit
        public let responses: Int
        public let pendingComments: Int
    }

    /// A comment waiting for a coordinator.
    public struct PendingComment: Sendable, Hashable {
        public let id: Int64
        public let unitName: String
        public let receivedOn: CalendarDate
        public let overall: Int
        public let comment: String
    }

    /// The overview: every active unit, and the waiting comments, oldest first.
    public struct Overview: Sendable {
        public let units: [UnitLine]
        public let pending: [PendingComment]
    }

    /// One unit's page. ``means`` is empty when fewer than ``SmallCell/minimum`` answered.
    public struct UnitPage: Sendable {
        public let unit: PublicFeedback.ServiceUnit
        public let responses: Int
        /// The mean score of each element, on the 1-4 scale.
        public let means: [ServiceElement: Double]
        /// The approved comments, newest first (at most ``commentRows``).
        public let comments: [(receivedOn: CalendarDate, text: String)]
        /// The imported survey results, latest period first.
        public let surveys: [SatisfactionSurvey]

        /// The IKM (25-100) of the form's answers: the mean of the element means, times 25.
        public var index: Double? {
            means.isEmpty ? nil : ServiceElement.index(fromMean: means.values.reduce(0, +) / Double(means.count))
        }
    }

    /// The most approved comments a unit's page lists.
    public static let commentRows = 50
    /// The most waiting comments the overview lists at once.
    public static let pendingRows = 100

    private let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    public func overview() throws -> Overview {
        try database.pool.read { db in
            let units = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT u.id, f.code, u.code AS unit_code, u.name, COUNT(p.id) AS responses,
                       COALESCE(SUM(p.comment_status = 'pending'), 0) AS pending
                FROM units u JOIN feedback_codes f ON f.unit_id = u.id LEFT JOIN public_feedback p ON p.unit_id = u.id
                WHERE u.active GROUP BY u.id ORDER BY u.name COLLATE NOCASE, u.id
                """)).map { UnitLine(unit: PublicFeedback.unit($0), responses: $0["responses"], pendingComments: $0["pending"]) }
            let pending = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT p.id, u.name, p.received_on, p.overall, p.comment FROM public_feedback p JOIN units u ON u.id = p.unit_id
                WHERE p.comment_status = 'pending' ORDER BY p.id LIMIT ?
                """), arguments: [Self.pendingRows]).map {
                PendingComment(id: $0["id"], unitName: $0["name"], receivedOn: $0["received_on"], overall: $0["overall"], comment: $0["comment"])
            }
            return Overview(units: units, pending: pending)
        }
    }

    /// The page of unit `id`, `nil` when there is no such unit.
    public func unit(_ id: Int64) throws -> UnitPage? {
        try database.pool.read { db in
            guard let unit = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT u.id, f.code, u.code AS unit_code, u.name FROM units u JOIN feedback_codes f ON f.unit_id = u.id WHERE u.id = ?
                """), arguments: [id]).map(PublicFeedback.unit) else { return nil }
            let columns = ServiceElement.allCases.map { "AVG(\($0.rawValue))" }.joined(separator: ", ")
            let row = try Row.fetchOne(db, sql: "SELECT COUNT(*), \(columns) FROM public_feedback WHERE unit_id = ?", arguments: [id])
            let responses: Int = row?[0] ?? 0
            var means: [ServiceElement: Double] = [:]
            if SmallCell.shows(responses), let row {
                for (index, element) in ServiceElement.allCases.enumerated() { means[element] = row[index + 1] }
            }
            let comments = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT received_on, comment FROM public_feedback WHERE unit_id = ? AND comment_status = 'approved'
                ORDER BY received_on DESC, id DESC LIMIT ?
                """), arguments: [id, Self.commentRows]).map { (receivedOn: $0[0] as CalendarDate, text: $0[1] as String) }
            return UnitPage(unit: unit, responses: responses, means: means, comments: comments,
                            surveys: try SatisfactionSurvey.all(unitId: id, in: db))
        }
    }
}
