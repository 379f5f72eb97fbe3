import HTTPServer

/// Placeholder until the feature lands.
struct CatalogueFeature: Feature {
    func routes() -> [RouteSpec] { [] }
}
