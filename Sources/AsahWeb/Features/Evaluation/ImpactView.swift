import AsahCore
import Foundation

/// The figures of an ``ImpactReport`` laid out for the dashboard and report templates.
enum ImpactView {
    static func values(_ report: ImpactReport, _ localizer: Localizer) -> [String: Any] {
        var data: [String: Any] = [
            "participants": EvaluationFormat.size(report.participants, localizer),
            "completionRate": EvaluationFormat.percent(report.completionRate, localizer),
            "l1Responses": localizer.number(report.reaction.responses),
            "l1Shown": report.reaction.shown,
            "l1Mean": EvaluationFormat.mean(report.reaction.shown ? report.reaction.overall.mean : nil, localizer),
            "l2Shown": report.meanGain != nil,
            "l2Mean": report.meanGain.map { EvaluationFormat.gain($0, localizer) } ?? "–",
            "l2Tested": EvaluationFormat.size(report.learning.tested, localizer),
            "l3Due": localizer.number(report.behaviour.due),
            "l3Response": EvaluationFormat.percent(report.behaviour.responseRate, localizer),
            "l3Applied": EvaluationFormat.percent(report.behaviour.appliedRate, localizer),
            "minimum": SmallCell.minimum,
        ]
        if report.reaction.shown {
            data["l1Chart"] = EvaluationCharts.likert(report.reaction.overall, title: localizer.t("survey_distribution"),
                                                      id: "l1-chart", localizer)
        }
        if report.meanGain != nil {
            data["l2Chart"] = EvaluationCharts.gains(report.learning, title: localizer.t("tests_distribution"), id: "l2-chart", localizer)
            let bands = report.learning.bands
            data["l2Bands"] = NormalisedGain.Band.allCases.map { band in
                ["label": localizer.t("tests_band_\(band.rawValue)"), "count": EvaluationFormat.size(bands[band] ?? 0, localizer)]
            }
            data["l2Ceiling"] = EvaluationFormat.size(report.learning.ceiling, localizer)
        }
        let groups = report.results.groups
        data["l4Excluded"] = localizer.t("impact_excluded", [
            "records": EvaluationFormat.size(groups.withoutRecords, localizer),
            "unmatched": EvaluationFormat.size(groups.unmatched, localizer)])
        if let estimate = report.results.estimate {
            data["l4"] = [
                "estimate": EvaluationFormat.points(estimate.estimate, localizer),
                "low": EvaluationFormat.points(estimate.interval.lowerBound, localizer),
                "high": EvaluationFormat.points(estimate.interval.upperBound, localizer),
                "participants": localizer.number(estimate.participants.size),
                "comparison": localizer.number(estimate.comparison.size),
                "participantsBefore": EvaluationFormat.percent(estimate.participants.before, localizer),
                "participantsAfter": EvaluationFormat.percent(estimate.participants.after, localizer),
                "comparisonBefore": EvaluationFormat.percent(estimate.comparison.before, localizer),
                "comparisonAfter": EvaluationFormat.percent(estimate.comparison.after, localizer),
                "verdict": localizer.t(verdict(estimate)),
                "chart": EvaluationCharts.beforeAfter(estimate, id: "l4-chart", localizer),
            ] as [String: Any]
        }
        data["runs"] = report.runs.prefix(Self.runRows).map { line in
            ["id": line.runId, "code": line.code, "title": line.title,
             "ended": localizer.date(year: line.endsOn.year, month: line.endsOn.month, day: line.endsOn.day),
             "participants": EvaluationFormat.size(line.participants, hidden: line.hidden, localizer),
             "completed": line.hidden ? "–" : localizer.number(line.completed),
             "reaction": EvaluationFormat.mean(line.reaction, localizer),
             "gain": line.gain.map { EvaluationFormat.gain($0, localizer) } ?? "–"] as [String: Any]
        }
        data["hasRuns"] = !report.runs.isEmpty
        if report.runs.count > Self.runRows {
            data["runsMore"] = localizer.t("impact_runs_more", ["shown": localizer.number(Self.runRows),
                                                                "total": localizer.number(report.runs.count)])
        }
        return data
    }

    /// The most runs listed on a page; the CSV has them all.
    static let runRows = 100

    /// Whether the interval lies above zero, below it, or spans it.
    static func verdict(_ estimate: DifferenceInDifferences) -> String {
        if estimate.interval.lowerBound > 0 { return "impact_verdict_better" }
        if estimate.interval.upperBound < 0 { return "impact_verdict_worse" }
        return "impact_verdict_unclear"
    }
}
