import HTTPServer

/// Placeholder until the feature lands.
struct AttendanceFeature: Feature {
    func routes() -> [RouteSpec] { [] }
}
