import Foundation
import Testing
@testable import AsahCore

@Suite("Course file: project plan keys (duration_days, final_report, rubric_scale, team_size)")
struct ProjectPlanFileTests {
    typealias F = CatalogueFixtures

    /// A project-based course whose plan lines (from line 8) are `milestones` and `extra` after the pass mark.
    static func file(milestones: String = """
        - {name: Rancangan, due_day: 7}
        - {name: Implementasi, due_day: 30, duration_days: 20}
        - {name: Laporan, due_day: 40, final_report: true}
        - {name: Seminar hasil, due_day: 45}
        """, extra: String = "") -> String {
        let indented = milestones.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        return F.course("PRJ-09", kind: "project_based", extra: """
            project: true
            milestones:
            \(indented)
            rubric:
              - {criterion: Masalah, weight: 40}
              - {criterion: Capaian, weight: 60}
            pass_mark: 70

            """ + extra)
    }

    @Test("durations, the final report, the rubric scale and the team size are read")
    func readsEveryKey() throws {
        let plan = try #require(try CourseFileParser.parse(Self.file(extra: "rubric_scale: 4\nteam_size: 3\n"), file: "p.md").projectPlan)
        #expect(plan.milestones.map(\.durationDays) == [nil, 20, nil, nil])
        #expect(plan.milestones.map(\.isFinalReport) == [false, false, true, false])
        #expect(plan.finalReportPosition == 2)
        #expect(plan.rubricScale == 4)
        #expect(plan.maxTeamSize == 3 && plan.allowsTeams)
    }

    @Test("without the optional keys: scale 100, no teams, the last milestone is the final report")
    func defaults() throws {
        let text = Self.file(milestones: "- {name: Rancangan, due_day: 7}\n- {name: Laporan, due_day: 40}")
        let plan = try #require(try CourseFileParser.parse(text, file: "p.md").projectPlan)
        #expect(plan.rubricScale == 100)
        #expect(plan.maxTeamSize == 1 && !plan.allowsTeams)
        #expect(plan.finalReportPosition == 1)
        #expect(plan.milestones.allSatisfy { $0.durationDays == nil && !$0.isFinalReport })
    }

    @Test("a plan stored before the new keys existed reads with their defaults")
    func oldStoredPlan() throws {
        let json = #"{"milestones": [{"name": "Rancangan", "due_day": 7}], "rubric": [{"criterion": "A", "weight": 100}], "pass_mark": 60}"#
        let plan = try JSONDecoder().decode(ProjectPlan.self, from: Data(json.utf8))
        #expect(plan == ProjectPlan(milestones: [Milestone(name: "Rancangan", dueDay: 7)],
                                    rubric: [RubricCriterion(criterion: "A", weight: 100)], passMark: 60))
    }

    typealias Broken = CatalogueParserTests.Broken

    static let broken: [Broken] = [
        Broken(name: "duration longer than the due day",
               text: file(milestones: "- {name: Rancangan, due_day: 7}\n- {name: Implementasi, due_day: 30, duration_days: 31}"),
               line: 11, reason: "duration_days 31 lebih panjang dari due_day 30"),
        Broken(name: "duration of no days", text: file(milestones: "- {name: Implementasi, due_day: 30, duration_days: 0}"),
               line: 10, reason: "milestones.duration_days harus jumlah hari, minimal 1, bukan '0'"),
        Broken(name: "duration not a number", text: file(milestones: "- {name: Implementasi, due_day: 30, duration_days: sebulan}"),
               line: 10, reason: "milestones.duration_days harus jumlah hari, minimal 1, bukan 'sebulan'"),
        Broken(name: "two final reports",
               text: file(milestones: "- {name: Laporan, due_day: 40, final_report: true}\n- {name: Seminar, due_day: 45, final_report: true}"),
               line: 11, reason: "final_report hanya boleh pada satu tahap"),
        Broken(name: "final report not a boolean", text: file(milestones: "- {name: Laporan, due_day: 40, final_report: ya}"),
               line: 10, reason: "milestones.final_report harus true atau false, bukan 'ya'"),
        Broken(name: "unknown milestone key", text: file(milestones: "- {name: Laporan, due_day: 40, durasi: 5}"),
               line: 10, reason: "milestones.durasi tidak dikenal"),
        Broken(name: "rubric scale of 0", text: file(extra: "rubric_scale: 0\n"),
               line: 18, reason: "rubric_scale harus nilai tertinggi per kriteria, 1 sampai 100, bukan '0'"),
        Broken(name: "rubric scale above 100", text: file(extra: "rubric_scale: 1000\n"),
               line: 18, reason: "rubric_scale harus nilai tertinggi per kriteria, 1 sampai 100, bukan '1000'"),
        Broken(name: "team of eleven", text: file(extra: "team_size: 11\n"),
               line: 18, reason: "team_size harus jumlah orang per proyek, 1 sampai 10, bukan '11'"),
        Broken(name: "team of nobody", text: file(extra: "team_size: 0\n"),
               line: 18, reason: "team_size harus jumlah orang per proyek, 1 sampai 10, bukan '0'"),
        Broken(name: "rubric scale without a project", text: F.course("A-1", extra: "rubric_scale: 5\n"),
               line: 8, reason: "rubric_scale hanya untuk kursus dengan project: true"),
        Broken(name: "team size without a project", text: F.course("A-1", extra: "team_size: 2\n"),
               line: 8, reason: "team_size hanya untuk kursus dengan project: true"),
    ]

    @Test("a wrong project key is refused as file:line: reason", arguments: broken)
    func refused(_ case: Broken) {
        do {
            _ = try CourseFileParser.parse(`case`.text, file: "courses/prj-09.md")
            Issue.record("\(`case`.name) was accepted")
        } catch {
            #expect(error.description.hasPrefix("courses/prj-09.md:\(`case`.line): "), "\(error)")
            #expect(error.message.contains(`case`.reason), "\(error)")
        }
    }
}
