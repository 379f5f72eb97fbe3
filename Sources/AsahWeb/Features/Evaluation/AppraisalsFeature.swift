import AsahCore
import Foundation
import HTTPServer

/// One person's appraisal records (personal data): a page and the API, for the person, their
/// supervisors up the chain and coordinators; everyone else is told they do not exist.
/// Each read is audit-logged by ``AppraisalAccess``. Imports go through ``ImportFeature``.
struct AppraisalsFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/people/:nip/appraisals", .signedIn(.useAccount), page),
            RouteSpec(.get, "/api/v1/employees/:nip/appraisals", .signedIn(.useAccount), api),
        ]
    }

    /// The employee named in the path and their records, or `nil` when unknown or not allowed.
    private func records(_ context: Context) throws -> (name: String, nip: String, records: [Appraisal])? {
        let nip = context.request.parameters["nip"] ?? ""
        return try EvaluationPages(database: context.services.database).appraisals(nip: nip, viewer: context.user, ip: context.ip)
    }

    private func page(_ context: Context) throws -> Response {
        guard let (name, nip, records) = try records(context) else { return context.notFound() }
        let localizer = context.localizer
        let none = "–"
        return context.page("appraisals", title: localizer.t("appraisal_title", ["name": name]), [
            "name": name, "nip": nip,
            "rows": records.reversed().map { record in
                ["year": record.year, "period": localizer.name(record.period),
                 "hasil": record.hasilKerja.map(localizer.name) ?? none, "perilaku": record.perilakuKerja.map(localizer.name) ?? none,
                 "predikat": localizer.name(record.predikat), "good": Self.isGood(record.predikat),
                 "score": record.legacyScore.map { String(format: "%.1f", $0) } ?? none,
                 "appraiser": record.appraiserNip ?? none, "source": record.source,
                 "imported": localizer.date(Int64(record.importedAt.timeIntervalSince1970))] as [String: Any]
            },
            "hasRows": !records.isEmpty,
        ])
    }

    private static func isGood(_ predikat: AppraisalPredikat) -> Bool {
        switch predikat {
        case .current(let value): ImpactMatching.isGood(value)
        case .legacy(let value): value >= .baik
        }
    }

    private struct RecordJSON: Encodable {
        let year: Int
        let period: String
        let period_name: String
        let hasil_kerja: String?
        let perilaku_kerja: String?
        let predikat: String
        let predikat_name: String
        let legacy_score: Double?
        let appraiser_nip: String?
        let source: String
        let imported_at: Int64
    }

    private func api(_ context: Context) throws -> Response {
        guard let (_, _, records) = try records(context) else { return context.notFound() }
        let localizer = context.localizer
        return .json(records.map {
            RecordJSON(year: $0.year, period: $0.period.rawValue, period_name: localizer.name($0.period), hasil_kerja: $0.hasilKerja?.rawValue,
                       perilaku_kerja: $0.perilakuKerja?.rawValue, predikat: $0.predikat.rawValue, predikat_name: localizer.name($0.predikat),
                       legacy_score: $0.legacyScore, appraiser_nip: $0.appraiserNip, source: $0.source,
                       imported_at: Int64($0.importedAt.timeIntervalSince1970))
        })
    }
}
