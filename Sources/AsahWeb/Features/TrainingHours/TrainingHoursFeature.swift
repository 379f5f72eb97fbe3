import HTTPServer

/// Placeholder until the feature lands.
struct TrainingHoursFeature: Feature {
    func routes() -> [RouteSpec] { [] }
}
