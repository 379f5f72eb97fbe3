/// The plan of a course with a workplace project (aktualisasi, proyek perubahan): the
/// milestones of every run, the rubric its reviewers score and the mark that passes.
/// Declared in the course file; the projects feature follows it for each participant.
public struct ProjectPlan: Codable, Hashable, Sendable {
    /// The milestones in order, their due days never decreasing.
    public var milestones: [Milestone]
    /// The criteria the final review scores; the weights add up to 100.
    public var rubric: [RubricCriterion]
    /// The lowest weighted score (0–100) that passes.
    public var passMark: Int

    /// A plan.
    public init(milestones: [Milestone], rubric: [RubricCriterion], passMark: Int) {
        self.milestones = milestones
        self.rubric = rubric
        self.passMark = passMark
    }

    enum CodingKeys: String, CodingKey {
        case milestones, rubric
        case passMark = "pass_mark"
    }
}

/// A step of a project, due a number of days after the run starts ("Seminar rancangan", day 10).
public struct Milestone: Codable, Hashable, Sendable {
    /// What is due, in Indonesian.
    public var name: String
    /// Days after the run starts (its first day + `dueDay`) by which it is due; at least 1.
    public var dueDay: Int

    /// A milestone.
    public init(name: String, dueDay: Int) {
        self.name = name
        self.dueDay = dueDay
    }

    enum CodingKeys: String, CodingKey {
        case name
        case dueDay = "due_day"
    }
}

/// One criterion of a project rubric with its weight in percent.
public struct RubricCriterion: Codable, Hashable, Sendable {
    /// What is scored, in Indonesian.
    public var criterion: String
    /// The share of the final score, 1–100.
    public var weight: Int

    /// A criterion.
    public init(criterion: String, weight: Int) {
        self.criterion = criterion
        self.weight = weight
    }
}
