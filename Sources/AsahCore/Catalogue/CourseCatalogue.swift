/// The course catalogue as pages read it: each call one snapshot (see ``CatalogueQueries``).
public struct CourseCatalogue: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// The courses on offer matching every given filter (see ``CatalogueQueries/search(text:form:kind:competency:minJP:maxJP:in:)``).
    public func courses(text: String? = nil, form: CourseForm? = nil, kind: CourseKind? = nil, competency: Competency? = nil,
                        minJP: Int? = nil, maxJP: Int? = nil) throws -> [Course] {
        try database.pool.read {
            try CatalogueQueries.search(text: text, form: form, kind: kind, competency: competency, minJP: minJP, maxJP: maxJP, in: $0)
        }
    }

    /// The course with `code` when it is on offer (not archived).
    public func course(code: String) throws -> Course? {
        try database.pool.read { try CatalogueQueries.course(code: code, in: $0).flatMap { $0.archived ? nil : $0 } }
    }
}
