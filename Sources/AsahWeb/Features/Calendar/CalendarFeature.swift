import HTTPServer

/// Placeholder until the feature lands.
struct CalendarFeature: Feature {
    func routes() -> [RouteSpec] { [] }
}
