import AsahCore
import HTTPServer

/// The people a person field suggests while someone types, for the script that fills its
/// `<datalist>` (the form works without it: the server resolves a typed name on submit).
/// Coordinators find any active employee; a supervisor only the people below them.
struct PersonSuggestionsFeature: Feature {
    /// Fewer letters than this suggest nothing (two letters of a name fit half the directory).
    static let minimumLength = 2

    func routes() -> [RouteSpec] {
        [RouteSpec(.get, "/people/suggestions", .signedIn(.approveEnrolments), suggestions)]
    }

    /// `GET /people/suggestions?q=`: up to ten `{value: NIP, label: "Name — Unit"}`.
    private func suggestions(_ context: Context) throws -> Response {
        guard let typed = try context.query().trimmed("q"), typed.count >= Self.minimumLength, typed.count <= 100 else {
            return answer([])
        }
        let everyone = Policy.allows(context.user, .viewDirectory)
        guard everyone || context.user.employeeId != nil else { return answer([]) }
        let entries = try PersonPicker(database: context.services.database)
            .suggestions(typed, withinChainOf: everyone ? nil : context.user.employeeId)
        return answer(PersonField.options(entries))
    }

    private func answer(_ options: [[String: String]]) -> Response {
        var response = Response.json(options)
        response.headers.set("Cache-Control", "private, no-store")
        return response
    }
}
