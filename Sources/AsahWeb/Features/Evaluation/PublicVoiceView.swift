import AsahCore

/// The dashboard's box on the public's voice: per unit whose staff took part, public
/// satisfaction before and after (Asah's form and the imported survey) beside the appraisal
/// change; a figure about fewer than five answers, respondents or people is a dash.
enum PublicVoiceView {
    static func values(_ lines: [PublicVoiceImpact.UnitLine], _ localizer: Localizer) -> [String: Any] {
        func reading(_ reading: PublicVoiceImpact.Reading?) -> String {
            guard let reading else { return "–" }
            let value = reading.index.map { EvaluationFormat.decimal($0, digits: 1, localizer) } ?? "–"
            let count = EvaluationFormat.size(reading.count, localizer)
            return reading.period.map { "\(value) (\($0), n = \(count))" } ?? "\(value) (n = \(count))"
        }
        func day(_ date: CalendarDate) -> String { localizer.date(year: date.year, month: date.month, day: date.day) }
        return [
            "publicVoice": lines.map { line -> [String: Any] in
                ["name": line.name, "participants": EvaluationFormat.size(line.participants, localizer),
                 "trained": day(line.trainedFrom) + " – " + day(line.trainedTo),
                 "formBefore": reading(line.formBefore), "formAfter": reading(line.formAfter),
                 "surveyBefore": reading(line.surveyBefore), "surveyAfter": reading(line.surveyAfter),
                 "appraisal": line.appraisal.map {
                     EvaluationFormat.percent($0.before, localizer) + " → " + EvaluationFormat.percent($0.after, localizer)
                 } ?? "–"]
            },
            "hasPublicVoice": !lines.isEmpty,
            "publicVoiceWindow": localizer.t("impact_public_window", ["days": String(PublicVoiceImpact.windowDays),
                                                                     "min": String(SmallCell.minimum)]),
        ]
    }
}
