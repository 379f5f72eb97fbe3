import AsahCore
import HTTPServer

/// The one place a domain refusal becomes an answer: its HTTP status, its JSON error code and
/// its sentence in the reader's language.
enum Refusals {
    static func status(_ kind: Refusal.Kind) -> Int {
        switch kind {
        case .notFound: 404
        case .notPermitted: 403
        case .conflict: 409
        case .invalid: 422
        case .tooMany: 429
        }
    }

    static func message(_ refusal: Refusal, _ localizer: Localizer) -> String {
        let own = refusal.key.isEmpty ? [] : [localizer.t(refusal.key, MessageArguments.render(refusal.arguments, localizer))]
        return (own + refusal.parts.map { message($0, localizer) }).joined(separator: " ")
    }
}

extension Context {
    /// The sentence for a refused action, for a page.
    func message(_ problem: some Refusable) -> String {
        Refusals.message(problem.refusal, localizer)
    }

    /// The HTTP status for a refused action, for a page shown again with the message.
    func status(_ problem: some Refusable) -> Int {
        Refusals.status(problem.refusal.kind)
    }

    /// The JSON answer of the API for a refused action.
    func refused(_ problem: some Refusable) -> Response {
        let status = Refusals.status(problem.refusal.kind)
        return APIError.response(status: status, code: APIError.code(for: status), message: message(problem))
    }
}
