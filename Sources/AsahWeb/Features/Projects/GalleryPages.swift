import AsahCore
import Foundation
import HTTPServer

/// The gallery of completed projects every employee may browse and search; the final
/// report is downloadable from here only because the team consented.
enum GalleryPages {
    static func card(_ entry: GalleryEntry, _ localizer: Localizer) -> [String: Any] {
        [
            "id": entry.projectId, "projectId": entry.projectId, "title": entry.title, "unit": entry.unitName ?? "", "people": entry.people.joined(separator: ", "),
            "course": entry.courseTitle, "problem": entry.problem, "outcome": entry.outcome, "measure": entry.measure,
            "result": entry.measuredResult, "score": ProjectView.score(entry.finalScore, localizer), "featured": entry.featured,
            "completed": localizer.date(entry.completedAt),
            "files": entry.reportFiles.map { ["id": $0.id ?? 0, "name": $0.displayName] as [String: Any] },
            "hasFiles": !entry.reportFiles.isEmpty,
        ]
    }

    static func list(_ context: Context) throws -> Response {
        let query = try context.query().text("q")?.trimmingCharacters(in: .whitespaces) ?? ""
        let entries = try ProjectGallery(database: context.services.database).search(String(query.prefix(200)))
        let localizer = context.localizer
        return context.page("gallery", title: localizer.t("gallery_title"), [
            "q": query, "entries": entries.map { card($0, localizer) }, "hasEntries": !entries.isEmpty,
            "count": localizer.number(entries.count),
        ])
    }

    static func entry(_ context: Context) throws -> Response {
        guard let id = context.pathID(), let entry = try ProjectGallery(database: context.services.database).entry(id) else {
            return context.notFound()
        }
        var data = card(entry, context.localizer)
        data["mayFeature"] = WorkshopAccess.coordinates(context.user)
        data["notice"] = ProjectPages.notice(context) as Any
        return context.page("gallery_entry", title: entry.title, data)
    }

    static func file(_ context: Context) throws -> Response {
        let database = context.services.database
        guard let id = context.pathID(), let fileId = context.pathID("file"),
              let file = try ProjectGallery(database: database).reportFile(projectId: id, fileId: fileId),
              let response = ProjectUploads.store(database).download(file.storedName, displayName: file.displayName)
        else { return context.notFound() }
        return response
    }
}
