import AsahCore
import Foundation

/// Evaluation figures written for people: means with one decimal, gains with two, shares as
/// whole percentages, in the reader's language (a decimal comma in Indonesian).
enum EvaluationFormat {
    static func decimal(_ value: Double, digits: Int, _ localizer: Localizer) -> String {
        let text = String(format: "%.\(digits)f", value)
        return localizer.locale == "id" ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    static func mean(_ value: Double?, _ localizer: Localizer) -> String {
        value.map { decimal($0, digits: 1, localizer) } ?? "–"
    }

    static func gain(_ value: Double, _ localizer: Localizer) -> String {
        decimal(value, digits: 2, localizer)
    }

    static func percent(_ share: Double?, _ localizer: Localizer) -> String {
        share.map { String(Int(($0 * 100).rounded())) + " %" } ?? "–"
    }

    /// A signed difference in percentage points, e.g. "+12,5 poin persen".
    static func points(_ difference: Double, _ localizer: Localizer) -> String {
        let value = difference * 100
        return (value >= 0 ? "+" : "−") + decimal(abs(value), digits: 1, localizer) + " " + localizer.t("impact_points")
    }

    /// A count suppressed with its complementary cells (``SmallCell/hidden(_:sets:)``): "fewer
    /// than 5" for a small one, "withheld" for one hidden so that a small one cannot be worked out.
    static func size(_ count: Int, hidden: Bool, _ localizer: Localizer) -> String {
        !hidden ? localizer.number(count) : SmallCell.shows(count) ? localizer.t("hours_withheld") : size(count, localizer)
    }

    /// "fewer than 5" instead of a group's size when it may not be shown.
    static func size(_ count: Int, _ localizer: Localizer) -> String {
        SmallCell.shows(count) ? localizer.number(count) : localizer.t("impact_suppressed_size", ["min": String(SmallCell.minimum)])
    }
}

/// The charts of the evaluation pages.
enum EvaluationCharts {
    /// The distribution of Likert answers 1-5.
    static func likert(_ summary: LikertSummary, title: String, id: String, _ localizer: Localizer) -> String {
        distribution(title, labels: (1...5).map { "\($0) · " + localizer.t("survey_scale_\($0)") },
                     counts: summary.counts, id: id, localizer)
    }

    /// The distribution of normalised gains in bins of 0.1.
    static func gains(_ summary: GainSummary, title: String, id: String, _ localizer: Localizer) -> String {
        let labels = (0..<10).map { bin in
            EvaluationFormat.decimal(Double(bin) / 10, digits: 1, localizer) + "–" + EvaluationFormat.decimal(Double(bin + 1) / 10, digits: 1, localizer)
        }
        return distribution(title, labels: labels, counts: summary.histogram, id: id, localizer)
    }

    /// One bar per category of people, lengths relative to the largest shown; the categories
    /// add up to the shown total, so they are suppressed with complementary cells
    /// (``SmallCell/hiddenGroups(_:)``): a withheld bar has no length and says so.
    private static func distribution(_ title: String, labels: [String], counts: [Int], id: String, _ localizer: Localizer) -> String {
        let hidden = SmallCell.hiddenGroups(counts)
        let largest = Double(max(1, counts.indices.filter { !hidden.contains($0) }.map { counts[$0] }.max() ?? 1))
        return SVGChart.bars(title, zip(labels, counts).enumerated().map { index, category in
            hidden.contains(index)
                ? SVGChart.Bar(label: category.0, fraction: 0, text: EvaluationFormat.size(category.1, hidden: true, localizer))
                : SVGChart.Bar(label: category.0, fraction: Double(category.1) / largest, text: localizer.number(category.1))
        }, id: id)
    }

    /// The shares rated Baik or better before and after, for participants and the comparison group.
    static func beforeAfter(_ estimate: DifferenceInDifferences, id: String, _ localizer: Localizer) -> String {
        let groups = [(localizer.t("impact_participants"), estimate.participants),
                      (localizer.t("impact_comparison"), estimate.comparison)]
        return SVGChart.bars(localizer.t("impact_chart_title"), groups.flatMap { name, shares in
            [SVGChart.Bar(label: name + " · " + localizer.t("impact_before"), fraction: shares.before,
                          text: EvaluationFormat.percent(shares.before, localizer), style: "bar bar-before"),
             SVGChart.Bar(label: name + " · " + localizer.t("impact_after"), fraction: shares.after,
                          text: EvaluationFormat.percent(shares.after, localizer), style: "bar bar-after")]
        }, id: id)
    }
}
