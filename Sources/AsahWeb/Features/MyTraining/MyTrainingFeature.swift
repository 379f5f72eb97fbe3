import HTTPServer

/// Placeholder until the feature lands.
struct MyTrainingFeature: Feature {
    func routes() -> [RouteSpec] { [] }
}
