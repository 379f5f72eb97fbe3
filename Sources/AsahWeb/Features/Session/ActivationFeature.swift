import AsahCore
import HTTPServer

/// Switching Asah on for everyone: `/activate`, where an employee sets their password with NIP
/// and the one-time code on their letter and is signed in; `/admin/activation`, where an admin
/// makes the accounts of a unit's employees and prints (or downloads for a mail merge) their
/// codes; and a fresh code for one account from the account list.
struct ActivationFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/activate", .anyone) { Self.form($0, nip: "", error: nil, status: 200) },
            RouteSpec(.post, "/activate", .anyone, activate),
            RouteSpec(.get, "/admin/activation", .signedIn(.manageAccounts)) { try Self.admin($0) },
            RouteSpec(.post, "/admin/activation", .signedIn(.manageAccounts), issue),
            RouteSpec(.post, "/admin/users/:id/activation", .signedIn(.manageAccounts), reissue),
        ]
    }

    private static func form(_ context: Context, nip: String, error: String?, status: Int) -> Response {
        if context.principal != nil { return .redirect(to: "/") }
        let (token, cookie) = CSRF.anonymousToken(context.request)
        var response = context.page("activate", title: context.localizer.t("activate_title"),
                                    ["nip": nip, "error": error as Any, "csrf": token], status: status)
        if let cookie { response.setCookie(cookie) }
        return response
    }

    private func activate(_ context: Context) throws -> Response {
        let form = try context.form()
        let nip = form.trimmed("nip") ?? "", code = form.trimmed("code") ?? ""
        let password = form["password"] ?? "", repeated = form["password_repeat"] ?? ""
        let localizer = context.localizer
        guard !nip.isEmpty, !code.isEmpty, !password.isEmpty else {
            return Self.form(context, nip: nip, error: localizer.t("activate_missing"), status: 422)
        }
        guard password == repeated else { return Self.form(context, nip: nip, error: localizer.t("password_mismatch"), status: 422) }
        switch try AccountActivation(database: context.services.database).activate(nip: nip, code: code, password: password,
                                                                                    ip: context.ip) {
        case .failure(.invalidCode):
            return Self.form(context, nip: nip, error: localizer.t("activate_invalid"), status: 422)
        case .failure(.throttled(let wait)):
            return Self.form(context, nip: nip, error: localizer.t("login_throttled", ["minutes": String(max(1, (wait + 59) / 60))]),
                             status: 429)
        case .failure(.weakPassword(let problem)):
            return Self.form(context, nip: nip, error: AccountMessages.text(.weakPassword(problem), localizer), status: 422)
        case .success:
            guard case .success(let (token, _)) = try context.services.authenticator.login(
                nip, password: password, ip: context.ip, userAgent: context.request.headers["User-Agent"]) else {
                return .redirect(to: "/login")
            }
            var response = Response.redirect(to: "/")
            response.setCookie(SessionFeature.sessionCookie(token, context))
            return response
        }
    }

    private static func admin(_ context: Context, unitId: Int64? = nil, error: String? = nil, status: Int = 200) throws -> Response {
        let localizer = context.localizer
        let pending = try AccountActivation(database: context.services.database).pending(unitId: unitId)
        return context.page("admin_activation", title: localizer.t("activation_title"), [
            "unitOptions": UnitOptions.html(try UnitOptions.tree(context.services), selected: unitId),
            "withoutAccount": localizer.count("activation_without_account", pending.withoutAccount),
            "awaiting": localizer.count("activation_awaiting", pending.awaitingActivation),
            "error": error as Any,
        ], status: status)
    }

    private func issue(_ context: Context) throws -> Response {
        let form = try context.form()
        let unitId = BoundedNumbers.id(form["unit"])
        let activation = AccountActivation(database: context.services.database)
        if form["create_accounts"] != nil {
            _ = try activation.createAccounts(unitId: unitId, actor: context.user.userId, ip: context.ip)
        }
        let issued = try activation.issue(unitId: unitId, actor: context.user.userId, ip: context.ip)
        guard !issued.isEmpty else {
            return try Self.admin(context, unitId: unitId, error: context.localizer.t("activation_none"), status: 422)
        }
        guard let format = form["format"].flatMap(ExportFormat.init(rawValue:)) else { return try Self.letters(issued, context) }
        let table = ActivationMailMerge.table(issued, address: try SiteAddress.base(context) + "/activate",
                                              date: context.localizer.date)
        return try ExportFormat.response(table, as: format, context.localizer)
    }

    private func reissue(_ context: Context) throws -> Response {
        guard let id = context.pathID() else { return context.notFound() }
        guard let issued = try AccountActivation(database: context.services.database)
            .reissue(userId: id, actor: context.user.userId, ip: context.ip) else {
            return Notice.redirect("/admin/users", notice: "activation_already_active")
        }
        return try Self.letters([issued], context)
    }

    /// One printable letter per person: who they are, their code, until when, and what to do.
    private static func letters(_ issued: [AccountActivation.Issued], _ context: Context) throws -> Response {
        let localizer = context.localizer
        let address = try SiteAddress.base(context) + "/activate"
        var response = context.page("admin_activation_letters", title: localizer.t("activation_letters_title"), [
            "letters": issued.map { person -> [String: Any] in
                ["name": person.name, "nip": person.nip, "unit": person.unitName, "login": person.login, "code": person.code,
                 "expires": localizer.date(person.expiresAt),
                 "steps": localizer.t("activation_letter_steps", ["address": address])]
            },
            "summary": localizer.count("activation_issued", issued.count),
        ])
        response.headers.set("Cache-Control", "no-store")
        return response
    }

}

/// The mail-merge CSV of issued activation codes, for the admin page's download and
/// `asah user activation-codes`.
public enum ActivationMailMerge {
    /// One row per person with their code, `address` (the page to open) and the expiry written by `date`.
    public static func csv(_ issued: [AccountActivation.Issued], address: String, date: (Int64) -> String) throws -> String {
        try PlainCSV.text(table(issued, address: address, date: date))
    }

    /// The rows of ``csv(_:address:date:)`` for every download format.
    static func table(_ issued: [AccountActivation.Issued], address: String, date: (Int64) -> String) -> ExportTable {
        ExportTable(
            filename: "kode-aktivasi", sheet: "export_sheet_activation",
            columns: [.init("nip", "col_nip"), .init("nama", "col_name"), .init("kode_unit", "col_unit_code"), .init("unit", "col_unit"),
                      .init("login", "col_login"), .init("kode_aktivasi", "col_activation_code"),
                      .init("berlaku_sampai", "col_valid_until"), .init("alamat", "col_address")],
            rows: issued.map { person in
                [.identifier(person.nip), .text(person.name), .text(person.unitCode), .text(person.unitName),
                 .identifier(person.login), .text(person.code), .text(date(person.expiresAt)), .text(address)]
            })
    }
}
