import Foundation
import HTTPServer

/// The OpenAPI 3.1 description of `/api/v1`: `openapi.json` plus the `paths` and
/// `components.schemas` of each feature's `*.paths.json` beside it, merged once at start-up,
/// with the rules every operation shares (``OpenAPIRules``) written in.
enum OpenAPIDocument {
    static let bytes: [UInt8] = {
        guard let folder = Bundle.module.url(forResource: "OpenAPI", withExtension: nil),
              let data = try? Data(contentsOf: folder.appendingPathComponent("openapi.json")),
              var document = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return Array("{}".utf8) }
        let parts = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".paths.json") } ?? []
        for part in parts.sorted() {
            guard let partData = try? Data(contentsOf: folder.appendingPathComponent(part)),
                  let fragment = try? JSONSerialization.jsonObject(with: partData) as? [String: Any] else { continue }
            document["paths"] = merge(document["paths"], fragment["paths"])
            var components = document["components"] as? [String: Any] ?? [:]
            components["schemas"] = merge(components["schemas"], (fragment["components"] as? [String: Any])?["schemas"])
            document["components"] = components
        }
        OpenAPIRules.apply(to: &document)
        let merged = try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
        return Array(merged ?? Data("{}".utf8))
    }()

    private static func merge(_ base: Any?, _ addition: Any?) -> [String: Any] {
        (base as? [String: Any] ?? [:]).merging(addition as? [String: Any] ?? [:]) { first, _ in first }
    }

    static var response: Response { .rawJSON(bytes) }
}
