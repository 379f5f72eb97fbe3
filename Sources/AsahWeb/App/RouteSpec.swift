import AsahCore
import HTTPServer

/// One route of the application with the access rule it declares. The app's route table is a
/// list of these, so tests can walk every route and check its rule.
public struct RouteSpec: Sendable {
    public let method: HTTPMethod
    public let pattern: String
    public let access: Access
    public let kind: RouteKind
    let handler: @Sendable (Context) throws -> Response

    init(_ method: HTTPMethod, _ pattern: String, _ access: Access,
         _ handler: @escaping @Sendable (Context) throws -> Response) {
        self.method = method
        self.pattern = pattern
        self.access = access
        self.kind = pattern.hasPrefix("/api/") ? .api : .page
        self.handler = handler
    }
}

/// A feature contributes its routes by conforming to this.
protocol Feature {
    func routes() -> [RouteSpec]
}
