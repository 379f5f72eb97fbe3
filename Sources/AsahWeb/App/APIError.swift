import HTTPServer

/// The JSON error body every API failure uses: `{"error": {"code": ..., "message": ...}}`.
enum APIError {
    private struct Body: Encodable {
        struct Detail: Encodable {
            let code: String
            let message: String
            let details: [String: String]?
        }
        let error: Detail
    }

    static func response(status: Int, code: String, message: String, details: [String: String]? = nil) -> Response {
        .json(Body(error: .init(code: code, message: message, details: details)), status: status)
    }

    static func code(for status: Int) -> String {
        switch status {
        case 400: "bad_request"
        case 401: "unauthenticated"
        case 403: "forbidden"
        case 404: "not_found"
        case 405: "method_not_allowed"
        case 409: "conflict"
        case 413: "payload_too_large"
        case 422: "invalid"
        case 429: "too_many_requests"
        default: "error"
        }
    }
}
