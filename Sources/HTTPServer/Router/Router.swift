/// Finds the handler for a request by method and path.
///
/// A path that exists under another method gets `405` with an `Allow` header; an unknown path
/// goes to `notFound`. `HEAD` is answered by the `GET` handler (the server drops the body).
public final class Router: @unchecked Sendable {
    /// One registered route, as listed by `routes`.
    public struct Route: Sendable {
        public let method: HTTPMethod
        public let pattern: PathPattern
        let handler: Handler
    }

    public private(set) var routes: [Route] = []
    private var literal: [String: [HTTPMethod: Handler]] = [:]
    private var patterned: [PathPattern: [HTTPMethod: Handler]] = [:]
    private var patternOrder: [PathPattern] = []
    private let notFound: Handler
    private let methodNotAllowed: @Sendable (Request, [HTTPMethod]) -> Response

    public init(notFound: @escaping Handler = { _ in .text("Not Found", status: 404) },
                methodNotAllowed: @escaping @Sendable (Request, [HTTPMethod]) -> Response = { _, _ in
                    .text("Method Not Allowed", status: 405)
                }) {
        self.notFound = notFound
        self.methodNotAllowed = methodNotAllowed
    }

    /// Registers `handler` for `method` on `pattern`. Routes are set up before serving starts.
    public func add(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping Handler) {
        let compiled = PathPattern(pattern)
        routes.append(Route(method: method, pattern: compiled, handler: handler))
        if compiled.isLiteral {
            literal[normalise(pattern), default: [:]][method] = handler
        } else {
            if patterned[compiled] == nil { patternOrder.append(compiled) }
            patterned[compiled, default: [:]][method] = handler
        }
    }

    /// Answers `request` with the matching handler, a 405 or a 404.
    public func handle(_ request: Request) -> Response {
        if let handlers = literal[normalise(request.path)] {
            return dispatch(request, handlers)
        }
        let segments = request.path.split(separator: "/")
        for pattern in patternOrder {
            if let parameters = pattern.match(segments), let handlers = patterned[pattern] {
                request.parameters = parameters
                return dispatch(request, handlers)
            }
        }
        return notFound(request)
    }

    private func dispatch(_ request: Request, _ handlers: [HTTPMethod: Handler]) -> Response {
        if let handler = handlers[request.method] ?? (request.method == .head ? handlers[.get] : nil) {
            return handler(request)
        }
        var allowed = Array(handlers.keys)
        if allowed.contains(.get) { allowed.append(.head) }
        var response = methodNotAllowed(request, allowed)
        response.status = 405
        response.headers.set("Allow", allowed.map(\.description).sorted().joined(separator: ", "))
        return response
    }

    private func normalise(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}
