import HTTPServer

/// Placeholder until the feature lands.
struct ApprovalsFeature: Feature {
    func routes() -> [RouteSpec] { [] }
}
