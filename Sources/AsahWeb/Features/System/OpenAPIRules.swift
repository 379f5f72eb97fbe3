import Foundation

/// The rules every API operation keeps, written into the OpenAPI document in one place rather
/// than repeated in each feature's paths file, so the document says what the server does:
///
/// - any operation may answer 400 (a query value or body that cannot be read, see ``Query``
///   and `Context.json`), one with a body 415 (not the media type it takes), and one with path
///   parameters 404 (nothing there, or nothing this caller may see);
/// - a JSON request body may hold only the keys its schema names (`JSONBodyCheck`), and an
///   optional one may be `null` (read as left out);
/// - text in a query parameter, a request body or a key of a free-form object never holds a
///   control character (tab and line breaks aside), and a path parameter none at all, which
///   the server refuses;
/// - whole numbers are 64-bit;
/// - a blank query value means "any" (`Query`), so every query parameter takes one.
enum OpenAPIRules {
    /// Text without C0/C1 control characters other than tab, line feed and carriage return.
    static let textPattern = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"
    /// Text without any control character, as a path segment must be.
    static let pathTextPattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$"
    /// White space only (what `Query` trims away), control characters aside.
    static let blankPattern = "^[^\\S\\u000B\\u000C\\u001C-\\u001F\\u0085\\uFEFF]*$"
    private static var error: [String: Any] { ["$ref": "#/components/responses/Error"] }
    private static let methods: Set<String> = ["get", "put", "post", "delete", "patch"]
    /// Keys whose values are data, not schemas (a property map's names are looked through).
    private static let annotations: Set<String> = ["enum", "example", "examples", "default", "const"]

    static func apply(to document: inout [String: Any]) {
        var components = document["components"] as? [String: Any] ?? [:]
        var schemas = components["schemas"] as? [String: Any] ?? [:]
        var paths = document["paths"] as? [String: Any] ?? [:]
        var requestSchemas: Set<String> = []
        for (path, item) in paths {
            guard var operations = item as? [String: Any] else { continue }
            for (method, value) in operations where methods.contains(method) {
                guard var operation = value as? [String: Any] else { continue }
                var responses = operation["responses"] as? [String: Any] ?? [:]
                responses["400"] = responses["400"] ?? error
                if path.contains("{") { responses["404"] = responses["404"] ?? error }
                if var body = operation["requestBody"] as? [String: Any] {
                    responses["415"] = responses["415"] ?? error
                    body = strict(body, references: &requestSchemas) as? [String: Any] ?? body
                    operation["requestBody"] = body
                }
                if let parameters = operation["parameters"] as? [[String: Any]] {
                    operation["parameters"] = parameters.map { parameter -> Any in
                        switch parameter["in"] as? String {
                        case "query": return strict(emptyMeansAny(parameter), references: &requestSchemas)
                        case "path": return strict(pathParameter(parameter), references: &requestSchemas)
                        default: return parameter
                        }
                    }
                }
                operation["responses"] = responses
                operations[method] = operation
            }
            paths[path] = operations
        }
        var done: Set<String> = []
        while let name = requestSchemas.subtracting(done).first {
            done.insert(name)
            if let schema = schemas[name] { schemas[name] = strict(schema, references: &requestSchemas) }
        }
        components["schemas"] = schemas
        document["components"] = components
        document["paths"] = paths
    }

    /// A path parameter whose text holds no control character at all (the server refuses a path
    /// that decodes to one before any handler).
    private static func pathParameter(_ parameter: [String: Any]) -> [String: Any] {
        guard var schema = parameter["schema"] as? [String: Any], schema["type"] as? String == "string",
              schema["enum"] == nil, schema["pattern"] == nil else { return parameter }
        schema["pattern"] = pathTextPattern
        var parameter = parameter
        parameter["schema"] = schema
        return parameter
    }

    /// A query parameter that also takes a blank value, which means "any" (an HTML form sends
    /// an empty field so; white space alone reads as blank): its schema becomes "that or blank".
    private static func emptyMeansAny(_ parameter: [String: Any]) -> [String: Any] {
        guard let schema = parameter["schema"] as? [String: Any], schema["type"] as? String != "string" || schema["enum"] != nil
        else { return parameter }
        var parameter = parameter
        parameter["schema"] = ["anyOf": [schema, ["type": "string", "pattern": blankPattern]]]
        return parameter
    }

    /// `schema` also allowing `null`: an optional field sent as null reads as left out.
    private static func nullable(_ schema: Any) -> Any {
        guard var object = schema as? [String: Any] else { return schema }
        if let type = object["type"] as? String {
            object["type"] = [type, "null"]
        } else if var types = (object["type"] as? [Any])?.compactMap({ $0 as? String }), !types.contains("null") {
            types.append("null")
            object["type"] = types
        } else if object["type"] == nil {
            return ["anyOf": [object, ["type": "null"]]]
        }
        if var choices = object["enum"] as? [Any] {
            choices.append(NSNull())
            object["enum"] = choices
        }
        return object
    }

    /// `value` with every object schema closed to unknown keys and every free string schema
    /// given the text pattern; the names of component schemas it refers to are added to
    /// `references` (they are request schemas too).
    private static func strict(_ value: Any, references: inout Set<String>) -> Any {
        if let array = value as? [Any] { return array.map { strict($0, references: &references) } }
        guard var object = value as? [String: Any] else { return value }
        if let reference = object["$ref"] as? String, reference.hasPrefix("#/components/schemas/") {
            references.insert(String(reference.dropFirst("#/components/schemas/".count)))
        }
        let types = (object["type"] as? [Any])?.compactMap { $0 as? String } ?? (object["type"] as? String).map { [$0] } ?? []
        if types.contains("object"), var properties = object["properties"] as? [String: Any] {
            if object["additionalProperties"] == nil { object["additionalProperties"] = false }
            let required = Set(object["required"] as? [String] ?? [])
            for (name, property) in properties where !required.contains(name) {
                properties[name] = nullable(property)
            }
            object["properties"] = properties
        }
        if types.contains("object"), object["additionalProperties"] is [String: Any], object["propertyNames"] == nil {
            object["propertyNames"] = ["pattern": textPattern]
        }
        if types.contains("integer"), object["format"] == nil, object["maximum"] == nil {
            object["format"] = "int64"
        }
        if types.contains("string"), object["enum"] == nil, object["pattern"] == nil, object["format"] == nil {
            object["pattern"] = textPattern
        }
        for (key, child) in object where !annotations.contains(key) {
            if key == "properties", let properties = child as? [String: Any] {
                object[key] = properties.mapValues { strict($0, references: &references) }
            } else {
                object[key] = strict(child, references: &references)
            }
        }
        return object
    }
}
