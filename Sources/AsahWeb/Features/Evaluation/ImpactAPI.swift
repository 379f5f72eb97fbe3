import AsahCore
import Foundation
import HTTPServer

/// The impact figures as JSON: `GET /api/v1/reports/impact?year=&programme=&course=&run=&unit=`
/// (course by id or code; year `all` for every year, default the latest year with a finished
/// run). The figures of groups under five are left out of the answer (`suppressed: true`).
struct ImpactAPI: Feature {
    func routes() -> [RouteSpec] {
        [RouteSpec(.get, "/api/v1/reports/impact", .signedIn(.evaluateProgrammes), impact)]
    }

    private struct ImpactJSON: Encodable {
        let year: Int?
        let programme_id: Int64?
        let course_id: Int64?
        let run_id: Int64?
        let unit_id: Int64?
        let participants: Int?
        let completion_rate: Double?
        let reaction: Reaction
        let learning: Learning
        let behaviour: Behaviour
        let results: Results
        let minimum_group: Int

        struct Reaction: Encodable {
            let responses: Int
            let suppressed: Bool
            let mean: Double?
            let counts: [Int]?
        }

        struct Learning: Encodable {
            let tested: Int?
            let mean_gain: Double?
            let bands: [String: Int]?
        }

        struct Behaviour: Encodable {
            let due: Int
            let response_rate: Double?
            let applied_rate: Double?
        }

        struct Results: Encodable {
            let suppressed: Bool
            let participants: Int?
            let comparison: Int?
            let participants_before: Double?
            let participants_after: Double?
            let comparison_before: Double?
            let comparison_after: Double?
            let difference_in_differences: Double?
            let interval_low: Double?
            let interval_high: Double?
            let caveat: String
        }
    }

    private func impact(_ context: Context) throws -> Response {
        let (filter, version, _) = try ImpactDashboard.filter(context)
        let report = try context.services.figures.report(filter, today: IndonesianTime.date(of: Clock.now()), version: version)
        let estimate = report.results.estimate
        let learningShown = report.meanGain != nil
        return .json(ImpactJSON(
            year: filter.year, programme_id: filter.programmeId, course_id: filter.courseId, run_id: filter.runId, unit_id: filter.unitId,
            participants: SmallCell.guarded(report.participants, report.participants), completion_rate: report.completionRate,
            reaction: .init(responses: report.reaction.responses, suppressed: !report.reaction.shown,
                            mean: report.reaction.shown ? report.reaction.overall.mean : nil,
                            counts: report.reaction.shown ? report.reaction.overall.counts : nil),
            learning: .init(tested: SmallCell.guarded(report.learning.tested, report.learning.tested), mean_gain: report.meanGain,
                            bands: learningShown ? Dictionary(uniqueKeysWithValues: report.learning.bands.map { ($0.key.rawValue, $0.value) }) : nil),
            behaviour: .init(due: report.behaviour.due, response_rate: report.behaviour.responseRate,
                             applied_rate: report.behaviour.appliedRate),
            results: .init(suppressed: estimate == nil, participants: estimate?.participants.size, comparison: estimate?.comparison.size,
                           participants_before: estimate?.participants.before, participants_after: estimate?.participants.after,
                           comparison_before: estimate?.comparison.before, comparison_after: estimate?.comparison.after,
                           difference_in_differences: estimate?.estimate, interval_low: estimate?.interval.lowerBound,
                           interval_high: estimate?.interval.upperBound, caveat: context.localizer.t("impact_caveat")),
            minimum_group: SmallCell.minimum))
    }
}
