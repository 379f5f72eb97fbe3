/// The plan of a course with a workplace project (aktualisasi, proyek perubahan): the
/// milestones of every run, the rubric its reviewers score, the mark that passes and how
/// large a team may be. Declared in the course file; the projects feature follows it for
/// each participant.
public struct ProjectPlan: Codable, Hashable, Sendable {
    /// The milestones in order, their due days never decreasing.
    public var milestones: [Milestone]
    /// The criteria the final review scores; the weights add up to 100.
    public var rubric: [RubricCriterion]
    /// The highest score a reviewer gives one criterion (the scale runs from 0); 100 unless the file says.
    public var rubricScale: Int
    /// The lowest weighted score (0–100) that passes.
    public var passMark: Int
    /// The most people on one project, its owner included; 1 means no teams.
    public var maxTeamSize: Int

    /// A plan.
    public init(milestones: [Milestone], rubric: [RubricCriterion], passMark: Int, rubricScale: Int = 100,
                maxTeamSize: Int = 1) {
        self.milestones = milestones
        self.rubric = rubric
        self.passMark = passMark
        self.rubricScale = rubricScale
        self.maxTeamSize = maxTeamSize
    }

    /// Whether participants may work on one project together.
    public var allowsTeams: Bool { maxTeamSize > 1 }

    /// The milestone whose accepted files are the project's final report: the one marked
    /// `final_report`, else the last.
    public var finalReportPosition: Int {
        milestones.firstIndex(where: \.isFinalReport) ?? milestones.count - 1
    }

    enum CodingKeys: String, CodingKey {
        case milestones, rubric
        case passMark = "pass_mark"
        case rubricScale = "rubric_scale"
        case maxTeamSize = "team_size"
    }

    /// Reads plans stored before the scale and team size existed with their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        milestones = try container.decode([Milestone].self, forKey: .milestones)
        rubric = try container.decode([RubricCriterion].self, forKey: .rubric)
        passMark = try container.decode(Int.self, forKey: .passMark)
        rubricScale = try container.decodeIfPresent(Int.self, forKey: .rubricScale) ?? 100
        maxTeamSize = try container.decodeIfPresent(Int.self, forKey: .maxTeamSize) ?? 1
    }
}

/// A step of a project, due a number of days after the run starts ("Seminar rancangan", day 10).
public struct Milestone: Codable, Hashable, Sendable {
    /// What is due, in Indonesian.
    public var name: String
    /// Days after the run starts (its first day + `dueDay`) by which it is due; at least 1.
    public var dueDay: Int
    /// For a stretch of work such as the implementasi: how many days it lasts, ending on the due day.
    public var durationDays: Int?
    /// Whether this milestone's accepted files are the final report the gallery offers.
    public var isFinalReport: Bool

    /// A milestone.
    public init(name: String, dueDay: Int, durationDays: Int? = nil, isFinalReport: Bool = false) {
        self.name = name
        self.dueDay = dueDay
        self.durationDays = durationDays
        self.isFinalReport = isFinalReport
    }

    enum CodingKeys: String, CodingKey {
        case name
        case dueDay = "due_day"
        case durationDays = "duration_days"
        case isFinalReport = "final_report"
    }

    /// Reads milestones stored before durations and the report flag existed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        dueDay = try container.decode(Int.self, forKey: .dueDay)
        durationDays = try container.decodeIfPresent(Int.self, forKey: .durationDays)
        isFinalReport = try container.decodeIfPresent(Bool.self, forKey: .isFinalReport) ?? false
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
