import Foundation
import GRDB

/// A course of the catalogue: a row of `courses`, written by ``CatalogueSync`` from a course
/// file and never deleted (runs and training records point at it); a course whose file is
/// gone is archived. Competencies, audience, prerequisites and the project plan are JSON text.
public struct Course: FetchableRecord, MutablePersistableRecord, Sendable, Hashable, Identifiable {
    /// The table the records live in.
    public static let databaseTableName = "courses"

    /// The row id; `nil` before insertion.
    public var id: Int64?
    /// The course code, e.g. "PPP-01".
    public var code: String
    /// The title in both languages.
    public var title: BilingualText
    /// The kind (jenis), which fixes ``form``.
    public var kind: CourseKind
    /// Training hours (jam pelajaran) a participant earns.
    public var jp: Int
    /// The BerAKHLAK values and technical competencies the course develops.
    public var competencies: [Competency]
    /// Who the course is meant for.
    public var audience: Audience
    /// Codes of the courses to complete first.
    public var prerequisites: [String]
    /// Whether a pre-test and a post-test are part of the course.
    public var hasTest: Bool
    /// Whether a workplace project is part of the course.
    public var hasProject: Bool
    /// The attendance (percent, 1–100) needed to complete the course.
    public var minAttendancePercent: Int
    /// The first paragraph of the description, plain text.
    public var summary: String
    /// The description, objectives and agenda as HTML (no raw HTML from the file).
    public var bodyHTML: String
    /// Milestones, rubric and pass mark when ``hasProject``; kept in `metadata`.
    public var projectPlan: ProjectPlan?
    /// The online test's question bank when the file declares one; kept in `metadata`.
    public var testBank: TestBank?
    /// The file's name in the catalogue folder, e.g. "ppp-01.md".
    public var sourceFile: String
    /// The hash of the file version loaded.
    public var sourceHash: String
    /// Whether the course's file is gone; archived courses are not offered.
    public var archived: Bool
    /// When the sync last wrote the row, Unix seconds.
    public var syncedAt: Int64

    /// The klasikal or nonklasikal form of the course's kind.
    public var form: CourseForm { kind.form }

    /// The course as `file` describes it, not archived.
    public init(file: CourseFile, syncedAt: Int64) {
        code = file.code
        title = file.title
        kind = file.kind
        jp = file.jp
        competencies = file.competencies
        audience = file.audience
        prerequisites = file.prerequisites
        hasTest = file.hasTest
        hasProject = file.hasProject
        minAttendancePercent = file.minAttendancePercent
        summary = file.summary
        bodyHTML = file.bodyHTML
        projectPlan = file.projectPlan
        testBank = file.testBank
        sourceFile = file.fileName
        sourceHash = file.hash
        archived = false
        self.syncedAt = syncedAt
    }

    /// Column names for the query interface.
    public enum Columns {
        /// `code`
        public static let code = Column("code")
    }

    /// Reads a row of `courses`.
    public init(row: Row) throws {
        id = row["id"]
        code = row["code"]
        title = BilingualText(row["title_id"], english: row["title_en"])
        kind = try row.decode(forColumn: "kind")
        jp = row["jp"]
        competencies = try Self.json(row, "competencies")
        audience = try Self.json(row, "audience")
        prerequisites = try Self.json(row, "prerequisites")
        hasTest = row["has_test"]
        hasProject = row["has_project"]
        minAttendancePercent = row["min_attendance_percent"]
        summary = row["summary"]
        bodyHTML = row["body_html"]
        let metadata: Metadata = try Self.json(row, "metadata")
        projectPlan = metadata.project
        testBank = metadata.test
        sourceFile = row["source_file"]
        sourceHash = row["source_hash"]
        archived = row["archived"]
        syncedAt = row["synced_at"]
    }

    /// Writes every column; the JSON ones with sorted keys.
    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["code"] = code
        container["title_id"] = title.indonesian
        container["title_en"] = title.english
        container["form"] = form
        container["kind"] = kind
        container["jp"] = jp
        container["competencies"] = try Self.json(competencies)
        container["audience"] = try Self.json(audience)
        container["prerequisites"] = try Self.json(prerequisites)
        container["has_test"] = hasTest
        container["has_project"] = hasProject
        container["min_attendance_percent"] = minAttendancePercent
        container["summary"] = summary
        container["body_html"] = bodyHTML
        container["metadata"] = try Self.json(Metadata(project: projectPlan, test: testBank))
        container["source_file"] = sourceFile
        container["source_hash"] = sourceHash
        container["archived"] = archived
        container["synced_at"] = syncedAt
    }

    /// Keeps the id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// What `metadata` holds: `{"project": {...}}` for a course with a project and
    /// `{"test": {...}}` for one with a question bank, else `{}`.
    private struct Metadata: Codable {
        var project: ProjectPlan?
        var test: TestBank?
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private static func json(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private static let decoder = JSONDecoder()

    private static func json<Value: Decodable>(_ row: Row, _ column: String) throws -> Value {
        try decoder.decode(Value.self, from: Data((row[column] as String).utf8))
    }
}
