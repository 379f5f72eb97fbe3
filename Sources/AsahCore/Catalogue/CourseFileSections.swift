import Yams

/// The structured sections of a course file's front matter: competencies, audience,
/// prerequisites and the project's milestones and rubric.
extension FrontMatterReader {
    /// `values:` (BerAKHLAK core values) and `technical:` (free names, or `{id, en}`).
    func competencies(_ node: Node) throws(CourseFileError) -> [Competency] {
        if isEmpty(node) { return [] }
        let entries = try mapping(node, "competencies", allowed: ["values", "technical"])
        var competencies: [Competency] = []
        for item in try list(entries["values"], "competencies.values") {
            competencies.append(.core(try term(item, "competencies.values")))
        }
        for item in try list(entries["technical"], "competencies.technical") {
            competencies.append(.technical(try bilingual(item, "competencies.technical", englishRequired: false)))
        }
        return competencies
    }

    /// `jabatan:` (kinds, or `fungsional` / `jpt` for every level), `golongan: {min, max}`
    /// and `units:` (unit codes).
    func audience(_ node: Node) throws(CourseFileError) -> Audience {
        if isEmpty(node) { return Audience() }
        let entries = try mapping(node, "audience", allowed: ["jabatan", "golongan", "units"])
        var audience = Audience()
        for item in try list(entries["jabatan"], "audience.jabatan") {
            let value = try text(item, "audience.jabatan")
            let kinds: [JabatanKind]
            switch value.lowercased() {
            case "fungsional": kinds = JabatanKind.allCases.filter(\.isFungsional)
            case "jpt": kinds = [.jptUtama, .jptMadya, .jptPratama]
            default:
                guard let kind = JabatanKind(parsing: value) else {
                    let choices = JabatanKind.allCases.map(\.rawValue).joined(separator: ", ")
                    throw error(item, "course_file_term_unknown",
                                ["field": "audience.jabatan", "value": value, "choices": "fungsional, jpt, " + choices])
                }
                kinds = [kind]
            }
            audience.jabatanKinds += kinds.filter { !audience.jabatanKinds.contains($0) }
        }
        if let golongan = entries["golongan"], !isEmpty(golongan) {
            let bounds = try mapping(golongan, "audience.golongan", allowed: ["min", "max"])
            if let min = bounds["min"] { audience.minGolongan = try self.golongan(min, "audience.golongan.min") }
            if let max = bounds["max"] { audience.maxGolongan = try self.golongan(max, "audience.golongan.max") }
            if let min = audience.minGolongan, let max = audience.maxGolongan {
                guard min.employment == max.employment else {
                    throw error(golongan, "course_file_golongan_mixed")
                }
                guard min <= max else { throw error(golongan, "course_file_golongan_reversed", ["min": min.code, "max": max.code]) }
            }
        }
        for item in try list(entries["units"], "audience.units") {
            audience.unitCodes.append(try text(item, "audience.units").uppercased())
        }
        return audience
    }

    /// Course codes with their lines; a course once only.
    func prerequisites(_ node: Node) throws(CourseFileError) -> [(code: String, line: Int)] {
        var prerequisites: [(code: String, line: Int)] = []
        for item in try list(node, "prerequisites") {
            let code = try code(item, "prerequisites")
            guard !prerequisites.contains(where: { $0.code == code }) else {
                throw error(item, "course_file_prerequisite_twice", ["code": code])
            }
            prerequisites.append((code, line(item)))
        }
        return prerequisites
    }

    /// `- {name: ..., due_day: ..., duration_days: ..., final_report: true}` items, due days
    /// never decreasing, a duration fitting between the run's start and the due day, at most
    /// one final report; `key` is where an empty list is reported.
    func milestones(_ node: Node, key: Node) throws(CourseFileError) -> [Milestone] {
        var milestones: [Milestone] = []
        for item in try list(node, "milestones") {
            let entries = try mapping(item, "milestones", allowed: ["name", "due_day", "duration_days", "final_report"])
            guard let name = entries["name"], let day = entries["due_day"] else {
                throw error(item, "course_file_milestone_incomplete")
            }
            var milestone = Milestone(name: try text(name, "milestones.name"),
                                      dueDay: try integer(day, "milestones.due_day", in: 1...3650,
                                                          rule: .day))
            if let previous = milestones.last, milestone.dueDay < previous.dueDay {
                throw error(day, "course_file_milestone_order", ["day": String(milestone.dueDay), "previous": String(previous.dueDay)])
            }
            if let duration = entries["duration_days"] {
                let days = try integer(duration, "milestones.duration_days", in: 1...3650, rule: .days)
                guard days <= milestone.dueDay else {
                    throw error(duration, "course_file_milestone_duration", ["days": String(days), "day": String(milestone.dueDay)])
                }
                milestone.durationDays = days
            }
            if let report = entries["final_report"] {
                milestone.isFinalReport = try bool(report, "milestones.final_report")
                if milestone.isFinalReport, milestones.contains(where: \.isFinalReport) {
                    throw error(report, "course_file_final_report_twice")
                }
            }
            milestones.append(milestone)
        }
        guard !milestones.isEmpty else { throw error(key, "course_file_milestones_empty") }
        return milestones
    }

    /// `- {criterion: ..., weight: ...}` items whose weights add up to 100; `key` is where a
    /// wrong total is reported.
    func rubric(_ node: Node, key: Node) throws(CourseFileError) -> [RubricCriterion] {
        var rubric: [RubricCriterion] = []
        for item in try list(node, "rubric") {
            let entries = try mapping(item, "rubric", allowed: ["criterion", "weight"])
            guard let criterion = entries["criterion"], let weight = entries["weight"] else {
                throw error(item, "course_file_rubric_incomplete")
            }
            rubric.append(RubricCriterion(criterion: try text(criterion, "rubric.criterion"),
                                          weight: try integer(weight, "rubric.weight", in: 1...100,
                                                              rule: .percent)))
        }
        let total = rubric.reduce(0) { $0 + $1.weight }
        guard total == 100 else { throw error(key, "course_file_rubric_total", ["total": String(total)]) }
        return rubric
    }
}
