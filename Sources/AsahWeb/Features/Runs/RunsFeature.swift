import AsahCore
import Foundation
import HTTPServer

/// Runs (angkatan): the page of one run with the viewer's place and, for coordinators, the
/// roster and the run's life; the coordinator's list and scheduling form; and the JSON API.
struct RunsFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/runs", .signedIn(.manageRuns), RunList.list),
            RouteSpec(.get, "/runs/new", .signedIn(.manageRuns)) { try RunForm.page($0) },
            RouteSpec(.post, "/runs/new", .signedIn(.manageRuns), RunForm.create),
            RouteSpec(.get, "/runs/:id", .signedIn(.useAccount)) { try RunPage.show($0) },
            RouteSpec(.get, "/runs/:id/edit", .signedIn(.manageRuns), RunForm.editPage),
            RouteSpec(.post, "/runs/:id/edit", .signedIn(.manageRuns), RunForm.update),
            RouteSpec(.post, "/runs/:id/request", .signedIn(.useAccount), RunPage.request),
            RouteSpec(.post, "/runs/:id/withdraw", .signedIn(.useAccount), RunPage.withdraw),
            RouteSpec(.post, "/runs/:id/offer/accept", .signedIn(.useAccount), RunPage.acceptOffer),
            RouteSpec(.post, "/runs/:id/offer/decline", .signedIn(.useAccount), RunPage.declineOffer),
            RouteSpec(.post, "/runs/:id/nominate", .signedIn(.approveEnrolments), RunPage.nominate),
            RouteSpec(.post, "/runs/:id/status", .signedIn(.manageRuns), RunPage.setStatus),
            RouteSpec(.post, "/runs/:id/cancel", .signedIn(.manageRuns), RunPage.cancelRun),
            RouteSpec(.post, "/runs/:id/finish", .signedIn(.manageRuns), RunPage.finish),
        ] + RunsAPI.routes() + RunParticipantsPages.routes()
    }
}
