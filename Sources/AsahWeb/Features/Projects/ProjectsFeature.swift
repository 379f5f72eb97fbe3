import AsahCore
import HTTPServer

/// Project-based training: the participant's projects and review queue, a project's page
/// (description, team, milestones with every submission and review, the forms to submit and
/// review), file downloads, the run board, the gallery, and the JSON API for the same.
/// Whether a person may see a project is decided by `ProjectAccess`; others get 404.
struct ProjectsFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/projects", .signedIn(.useAccount), ProjectPages.list),
            RouteSpec(.get, "/runs/:id/projects/new", .signedIn(.useAccount)) { try ProjectPages.startForm($0) },
            RouteSpec(.post, "/runs/:id/projects", .signedIn(.useAccount), ProjectActions.start),
            RouteSpec(.get, "/projects/:id", .signedIn(.useAccount)) { try ProjectPages.project($0) },
            RouteSpec(.post, "/projects/:id", .signedIn(.useAccount), ProjectActions.update),
            RouteSpec(.post, "/projects/:id/team", .signedIn(.useAccount), ProjectActions.addMember),
            RouteSpec(.post, "/projects/:id/staff", .signedIn(.manageRuns), ProjectActions.assign),
            RouteSpec(.post, "/projects/:id/milestones/:position/submissions", .signedIn(.useAccount), ProjectActions.submit),
            RouteSpec(.post, "/projects/:id/milestones/:position/reviews", .signedIn(.useAccount), ProjectActions.review),
            RouteSpec(.post, "/projects/:id/gallery", .signedIn(.useAccount), ProjectActions.consent),
            RouteSpec(.post, "/projects/:id/feature", .signedIn(.manageRuns), ProjectActions.feature),
            RouteSpec(.get, "/projects/:id/files/:file", .signedIn(.useAccount), ProjectPages.file),
            RouteSpec(.get, "/runs/:id/board", .signedIn(.useAccount)) { try ProjectBoardPage.page($0) },
            RouteSpec(.post, "/runs/:id/milestones", .signedIn(.manageRuns), ProjectBoardPage.move),
            RouteSpec(.get, "/gallery", .signedIn(.useAccount), GalleryPages.list),
            RouteSpec(.get, "/gallery/:id", .signedIn(.useAccount), GalleryPages.entry),
            RouteSpec(.get, "/gallery/:id/files/:file", .signedIn(.useAccount), GalleryPages.file),
        ] + ProjectsAPI.routes()
    }
}
