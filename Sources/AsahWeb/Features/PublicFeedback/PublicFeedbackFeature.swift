import AsahCore
import HTTPServer

/// The public feedback form of a unit, `/suara/CODE` (the address on the unit's poster): four
/// questions on the service and a comment, without sign-in. CSRF-safe for visitors as the
/// sign-in form is (a cookie and the same token in the form), rate-limited per address in
/// memory (``FeedbackRateLimit``), and with a field people never see that bots fill: such an
/// answer is thanked and dropped.
struct PublicFeedbackFeature: Feature {
    /// The field hidden from people; anything in it marks a bot.
    static let honeypot = "website"

    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/suara/:code", .anyone) { try Self.form($0) },
            RouteSpec(.post, "/suara/:code", .anyone, send),
        ]
    }

    private static func form(_ context: Context, input: FeedbackInput = FeedbackInput(), problem: FeedbackProblem? = nil,
                             error: String? = nil, status: Int = 200) throws -> Response {
        guard let unit = try PublicFeedback(database: context.services.database).unit(code: context.request.parameters["code"] ?? "") else {
            return context.notFound()
        }
        let localizer = context.localizer
        let (token, cookie) = context.session.map { ($0.csrfToken, nil) } ?? CSRF.anonymousToken(context.request)
        let errors = Dictionary(grouping: problem?.findings ?? [], by: \.field).mapValues { findings in
            findings.map { Refusals.message($0.refusal, localizer) }.joined(separator: " ")
        }
        var response = context.page("public_feedback", title: localizer.t("feedback_form_title"), [
            "unit": unit.name, "code": unit.code, "csrf": token, "honeypot": honeypot,
            "sent": Notice.message(context, allowed: ["feedback_thanks"]) as Any,
            "error": error ?? problem.map(context.message) as Any,
            "elements": ServiceElement.allCases.map { element -> [String: Any] in
                ["name": element.rawValue, "question": localizer.t("feedback_element_\(element.rawValue)"),
                 "error": errors[element.rawValue] ?? false,
                 "choices": ServiceElement.scale.map { score -> [String: Any] in
                     ["value": score, "label": localizer.t("feedback_scale_\(score)"), "checked": input.ratings[element] == String(score)]
                 }]
            },
            "comment": input.comment, "commentError": errors["comment"] ?? false, "maxComment": FeedbackInput.maximumCommentLength,
        ], status: status)
        if let cookie { response.setCookie(cookie) }
        return response
    }

    private func send(_ context: Context) throws -> Response {
        let form = try context.form()
        let code = context.request.parameters["code"] ?? ""
        var input = FeedbackInput(comment: form["comment"] ?? "")
        for element in ServiceElement.allCases { input.ratings[element] = form[element.rawValue] ?? "" }
        let feedback: Feedback
        switch input.validated() {
        case .failure(let problem): return try Self.form(context, input: input, problem: problem, status: 422)
        case .success(let valid): feedback = valid
        }
        guard context.services.feedbackLimit.admit(context.ip) else {
            return try Self.form(context, input: input, error: context.localizer.t("feedback_too_many"), status: 429)
        }
        let thanks = Notice.redirect("/suara/\(code)", notice: "feedback_thanks")
        if !(form[Self.honeypot] ?? "").isEmpty { return thanks }
        guard try PublicFeedback(database: context.services.database).submit(feedback, code: code) else { return context.notFound() }
        return thanks
    }
}
