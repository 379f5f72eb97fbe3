/// Answers one request. Handlers run on the server's worker threads and may block briefly
/// (a database query), so they are plain synchronous functions.
public typealias Handler = @Sendable (Request) -> Response

/// Wraps a handler with behaviour shared by many routes (authentication, headers, logging).
public typealias Middleware = @Sendable (Request, Handler) -> Response
