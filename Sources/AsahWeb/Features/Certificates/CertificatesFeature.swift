import HTTPServer

/// Placeholder until the feature lands.
struct CertificatesFeature: Feature {
    func routes() -> [RouteSpec] { [] }
}
