import Testing
@testable import AsahCore

@Suite("Milestone rules: due dates, moved dates, state, order, rubric scores and the pass mark")
struct MilestoneRulesTests {
    static let plan = ProjectPlan(
        milestones: [Milestone(name: "Rancangan", dueDay: 7), Milestone(name: "Implementasi", dueDay: 30, durationDays: 20),
                     Milestone(name: "Laporan", dueDay: 40, isFinalReport: true)],
        rubric: [RubricCriterion(criterion: "Masalah", weight: 40), RubricCriterion(criterion: "Capaian", weight: 60)],
        passMark: 70)
    static let start = CalendarDate(year: 2026, month: 11, day: 20)!

    static func date(_ month: Int, _ day: Int, _ year: Int = 2026) -> CalendarDate { CalendarDate(year: year, month: month, day: day)! }

    @Test("due dates count from the run's first day across month and year ends; a stretch starts its duration earlier")
    func template() {
        let schedule = MilestoneSchedule.schedule(Self.plan, runStartsOn: Self.start)
        #expect(schedule.map(\.dueOn) == [Self.date(11, 27), Self.date(12, 20), Self.date(12, 30)])
        #expect(schedule.map(\.startsOn) == [nil, Self.date(11, 30), nil])
        #expect(schedule.map(\.position) == [0, 1, 2])
        #expect(schedule.map(\.moved) == [false, false, false])
        let leap = MilestoneSchedule.schedule(Self.plan, runStartsOn: Self.date(2, 20, 2028))
        #expect(leap[0].dueOn == Self.date(2, 27, 2028) && leap[1].dueOn == Self.date(3, 21, 2028))
    }

    @Test("a moved date replaces the template's for that milestone only; a stretch keeps its length")
    func moved() {
        let schedule = MilestoneSchedule.schedule(Self.plan, runStartsOn: Self.start, moved: [1: Self.date(12, 24)])
        #expect(schedule.map(\.dueOn) == [Self.date(11, 27), Self.date(12, 24), Self.date(12, 30)])
        #expect(schedule.map(\.moved) == [false, true, false])
        #expect(schedule[1].startsOn == Self.date(12, 4))
    }

    @Test("moving dates: unknown milestones, dates on or before the first day and out-of-order dates are refused")
    func moveProblems() {
        func problems(_ dates: [Int: CalendarDate], current: [Int: CalendarDate] = [:]) -> [String] {
            MilestoneSchedule.problems(moving: dates, plan: Self.plan, runStartsOn: Self.start, current: current).map(\.message)
        }
        #expect(problems([0: Self.date(11, 25), 2: Self.date(1, 5, 2027)]).isEmpty)
        #expect(problems([3: Self.date(12, 1)]) == ["Tahap ke-4 tidak ada dalam rencana kursus."])
        #expect(problems([0: Self.start]) == ["Rancangan: tanggal harus sesudah hari pertama angkatan (20 November 2026)."])
        #expect(problems([1: Self.date(11, 26)]) == ["Implementasi tidak boleh jatuh tempo sebelum Rancangan."])
        // A date already moved counts: moving the first after it is out of order.
        #expect(problems([0: Self.date(12, 10)], current: [1: Self.date(12, 5)])
                == ["Implementasi tidak boleh jatuh tempo sebelum Rancangan."])
        #expect(problems([2: Self.date(12, 19)]) == ["Laporan tidak boleh jatuh tempo sebelum Implementasi."])
        // Equal dates keep the order.
        #expect(problems([1: Self.date(11, 27)]).isEmpty)
    }

    static func submission(_ id: Int64, position: Int, round: Int, at: Int64 = 1_000) -> MilestoneSubmission {
        MilestoneSubmission(id: id, projectId: 1, position: position, round: round, body: "", submittedBy: 9, submittedAt: at)
    }

    static func review(_ submission: Int64, _ role: ReviewerRole, _ decision: ReviewDecision, scores: [Int]? = nil,
                       at: Int64 = 2_000) -> MilestoneReview {
        MilestoneReview(submissionId: submission, reviewerEmployeeId: role == .coach ? 2 : 3, role: role, decision: decision,
                        comment: "", scores: scores, reviewedAt: at)
    }

    @Test("a milestone's state follows its latest submission: the coach accepts, anyone may ask for a revision")
    func state() {
        #expect(MilestoneProgress.state(latest: nil, reviews: []) == .notSubmitted)
        let first = Self.submission(1, position: 0, round: 1, at: 500)
        #expect(MilestoneProgress.state(latest: first, reviews: []) == .waitingForReview(since: 500))
        #expect(MilestoneProgress.state(latest: first, reviews: [Self.review(1, .mentor, .accept)]) == .waitingForReview(since: 500))
        #expect(MilestoneProgress.state(latest: first, reviews: [Self.review(1, .mentor, .revise)]) == .revisionRequested)
        #expect(MilestoneProgress.state(latest: first, reviews: [Self.review(1, .coach, .revise)]) == .revisionRequested)
        #expect(MilestoneProgress.state(latest: first, reviews: [Self.review(1, .coach, .accept)]) == .accepted)
        // A resubmission waits again, whatever the earlier round's reviews said.
        let second = Self.submission(2, position: 0, round: 2, at: 900)
        #expect(MilestoneProgress.state(latest: second, reviews: [Self.review(1, .coach, .revise)]) == .waitingForReview(since: 900))
    }

    @Test("lateness counts only while work is owed; the next milestone opens once the one before is accepted")
    func progressAndLateness() {
        let schedule = MilestoneSchedule.schedule(Self.plan, runStartsOn: Self.start)
        let today = Self.date(11, 30)  // three days after Rancangan was due
        var statuses = MilestoneProgress.statuses(schedule, submissions: [], reviews: [], today: today)
        #expect(statuses.map(\.daysLate) == [3, 0, 0])
        #expect(MilestoneProgress.open(statuses) == 0)

        let waiting = [Self.submission(1, position: 0, round: 1)]
        statuses = MilestoneProgress.statuses(schedule, submissions: waiting, reviews: [], today: today)
        #expect(statuses[0].state.code == "waiting" && !statuses[0].isLate)
        #expect(MilestoneProgress.open(statuses) == nil)

        statuses = MilestoneProgress.statuses(schedule, submissions: waiting, reviews: [Self.review(1, .coach, .revise)], today: today)
        #expect(statuses[0].state == .revisionRequested && statuses[0].daysLate == 3)
        #expect(MilestoneProgress.open(statuses) == 0)

        let resubmitted = waiting + [Self.submission(2, position: 0, round: 2)]
        let reviews = [Self.review(1, .coach, .revise), Self.review(2, .coach, .accept)]
        statuses = MilestoneProgress.statuses(schedule, submissions: resubmitted, reviews: reviews, today: today)
        #expect(statuses.map(\.state.code) == ["accepted", "not_submitted", "not_submitted"])
        #expect(statuses[0].latest?.round == 2)
        #expect(MilestoneProgress.open(statuses) == 1)

        let all = [Self.submission(1, position: 0, round: 1), Self.submission(2, position: 1, round: 1),
                   Self.submission(3, position: 2, round: 1)]
        statuses = MilestoneProgress.statuses(schedule, submissions: all, reviews: (1...3).map { Self.review($0, .coach, .accept) },
                                              today: Self.date(3, 1, 2027))
        #expect(MilestoneProgress.open(statuses) == nil)
        #expect(statuses.allSatisfy { !$0.isLate })
    }

    @Test("weighted rubric scores on the 0–100 and on a short scale")
    func weighted() {
        #expect(MilestoneProgress.weightedScore([70, 90], rubric: Self.plan.rubric, scale: 100) == 82)
        #expect(MilestoneProgress.weightedScore([100, 100], rubric: Self.plan.rubric, scale: 100) == 100)
        #expect(MilestoneProgress.weightedScore([3, 4], rubric: Self.plan.rubric, scale: 4) == 90)  // 0.75·40 + 1·60
        #expect(MilestoneProgress.weightedScore([1, 2], rubric: Self.plan.rubric, scale: 3) == 53.3)  // 13.33 + 40, one decimal
        #expect(MilestoneProgress.weightedScore([80], rubric: Self.plan.rubric, scale: 100) == 0)
    }

    @Test("scores must be one per criterion within the scale")
    func scoreProblems() {
        var plan = Self.plan
        #expect(MilestoneProgress.scoreProblem([80, 90], plan: plan) == nil)
        #expect(MilestoneProgress.scoreProblem([80], plan: plan)?.message == "Nilai harus diisi untuk setiap kriteria rubrik (2 kriteria).")
        #expect(MilestoneProgress.scoreProblem([80, 101], plan: plan)?.message == "Setiap nilai kriteria harus antara 0 dan 100.")
        #expect(MilestoneProgress.scoreProblem([-1, 50], plan: plan) != nil)
        plan.rubricScale = 4
        #expect(MilestoneProgress.scoreProblem([4, 0], plan: plan) == nil)
        #expect(MilestoneProgress.scoreProblem([5, 0], plan: plan)?.message == "Setiap nilai kriteria harus antara 0 dan 4.")
    }

    @Test("the final score averages the coach's and the mentor's latest scores; the pass mark decides")
    func finalScore() {
        let plan = Self.plan
        #expect(MilestoneProgress.finalScore(reviews: [Self.review(1, .coach, .accept)], plan: plan) == nil)
        let coachOnly = MilestoneProgress.finalScore(reviews: [Self.review(1, .coach, .accept, scores: [70, 90])], plan: plan)
        #expect(coachOnly == 82)
        // The mentor scored twice: only the later scoring counts; (82 + 60) / 2 = 71.
        let both = MilestoneProgress.finalScore(reviews: [
            Self.review(1, .mentor, .accept, scores: [100, 100], at: 100), Self.review(1, .mentor, .accept, scores: [60, 60], at: 300),
            Self.review(1, .coach, .accept, scores: [70, 90], at: 200)], plan: plan)
        #expect(both == 71)
        #expect(both! >= Double(plan.passMark))
        let under = MilestoneProgress.finalScore(reviews: [Self.review(1, .coach, .accept, scores: [70, 90]),
                                                           Self.review(1, .mentor, .accept, scores: [50, 50])], plan: plan)
        #expect(under == 66)
        #expect(under! < Double(plan.passMark))
    }
}
