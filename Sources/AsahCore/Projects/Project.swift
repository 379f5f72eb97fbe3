import Foundation
import GRDB

/// Where a project stands.
public enum ProjectStatus: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// Being planned, carried out and reviewed.
    case active
    /// Every milestone accepted and the final score reached the pass mark: the run is completed.
    case completed
    /// Every milestone accepted but the final score stayed under the pass mark.
    case notPassed = "not_passed"
}

/// A participant's workplace project in a project-based run (aktualisasi, proyek perubahan):
/// the problem it solves, for whom, the outcome and its measure, the BerAKHLAK values it
/// applies, its coach and mentor. A row of `projects`; the team is in `project_members`
/// (the owner included).
@dynamicMemberLookup
public struct Project: FetchableRecord, MutablePersistableRecord, Sendable, Hashable, Identifiable {
    public static let databaseTableName = "projects"

    public var id: Int64?
    public var runId: Int64
    /// The participant who started the project.
    public var ownerEmployeeId: Int64
    /// What the team wrote: title, problem, stakeholders, outcome, measure and values, read and
    /// written through the project itself (`project.title`).
    public var description: Description
    public var coachEmployeeId: Int64?
    public var mentorEmployeeId: Int64?
    public var status: ProjectStatus
    /// The weighted final score (0–100) once the final milestone is accepted.
    public var finalScore: Double?
    /// What was achieved, in the team's words, for the gallery.
    public var measuredResult: String
    /// Whether the team agreed to show the completed project in the gallery.
    public var galleryConsent: Bool
    /// Whether a coordinator put it at the top of the gallery.
    public var featured: Bool
    public var completedAt: Int64?
    public var createdAt: Int64
    public var updatedAt: Int64

    /// The text a participant writes about their project.
    public struct Description: Sendable, Hashable {
        public var title: String
        /// The problem at the workplace.
        public var problem: String
        public var stakeholders: String
        /// The intended outcome.
        public var outcome: String
        /// How the outcome will be measured.
        public var measure: String
        public var coreValues: [CoreValue]

        /// A description; only the title and the problem are required.
        public init(title: String, problem: String, stakeholders: String = "", outcome: String = "",
                    measure: String = "", coreValues: [CoreValue] = []) {
            self.title = title
            self.problem = problem
            self.stakeholders = stakeholders
            self.outcome = outcome
            self.measure = measure
            self.coreValues = coreValues
        }

        /// The text trimmed, with what is wrong in Indonesian (empty when it may be saved).
        public func checked() -> (Description, [Refusal]) {
            func clean(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
            var description = self
            description.title = clean(title)
            description.problem = clean(problem)
            description.stakeholders = clean(stakeholders)
            description.outcome = clean(outcome)
            description.measure = clean(measure)
            var problems: [Refusal] = []
            if description.title.isEmpty { problems.append(Refusal(.invalid, "problem_project_title_required")) }
            if description.title.count > 200 { problems.append(Refusal(.invalid, "problem_project_title_length")) }
            if description.problem.isEmpty { problems.append(Refusal(.invalid, "problem_project_problem_required")) }
            for (field, text) in [("problem", description.problem), ("stakeholders", description.stakeholders),
                                  ("outcome", description.outcome), ("measure", description.measure)]
                where text.count > 5000 {
                problems.append(Refusal(.invalid, "problem_project_field_length", ["field": "@project_field_\(field)"]))
            }
            return (description, problems)
        }
    }

    /// A field of the description, as if it were the project's own.
    public subscript<T>(dynamicMember keyPath: WritableKeyPath<Description, T>) -> T {
        get { description[keyPath: keyPath] }
        set { description[keyPath: keyPath] = newValue }
    }

    init(runId: Int64, ownerEmployeeId: Int64, description: Description, coach: Int64?, mentor: Int64?, now: Int64) {
        self.runId = runId
        self.ownerEmployeeId = ownerEmployeeId
        self.description = description
        coachEmployeeId = coach
        mentorEmployeeId = mentor
        status = .active
        measuredResult = ""
        galleryConsent = false
        featured = false
        createdAt = now
        updatedAt = now
    }

    public init(row: Row) throws {
        id = row["id"]
        runId = row["run_id"]
        ownerEmployeeId = row["owner_employee_id"]
        let values = (try? JSONDecoder().decode([String].self, from: Data((row["core_values"] as String).utf8))) ?? []
        description = Description(title: row["title"], problem: row["problem"], stakeholders: row["stakeholders"],
                                  outcome: row["outcome"], measure: row["measure"],
                                  coreValues: values.compactMap(CoreValue.init(rawValue:)))
        coachEmployeeId = row["coach_employee_id"]
        mentorEmployeeId = row["mentor_employee_id"]
        status = row["status"]
        finalScore = row["final_score"]
        measuredResult = row["measured_result"]
        galleryConsent = row["gallery_consent"]
        featured = row["featured"]
        completedAt = row["completed_at"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["run_id"] = runId
        container["owner_employee_id"] = ownerEmployeeId
        container["title"] = description.title
        container["problem"] = description.problem
        container["stakeholders"] = description.stakeholders
        container["outcome"] = description.outcome
        container["measure"] = description.measure
        container["core_values"] = String(decoding: try JSONEncoder().encode(description.coreValues.map(\.rawValue)), as: UTF8.self)
        container["coach_employee_id"] = coachEmployeeId
        container["mentor_employee_id"] = mentorEmployeeId
        container["status"] = status
        container["final_score"] = finalScore
        container["measured_result"] = measuredResult
        container["gallery_consent"] = galleryConsent
        container["featured"] = featured
        container["completed_at"] = completedAt
        container["created_at"] = createdAt
        container["updated_at"] = updatedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
