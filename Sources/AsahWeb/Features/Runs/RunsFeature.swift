import HTTPServer

/// Placeholder until the feature lands.
struct RunsFeature: Feature {
    func routes() -> [RouteSpec] { [] }
}
