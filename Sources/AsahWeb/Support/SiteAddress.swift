import AsahCore

/// The address people reach Asah at, for links that leave the browser: certificate QR codes,
/// printed activation letters, calendar feeds. The agency settings' public address comes
/// first, then `asah serve --public-url`; only when neither is set is the address the browser
/// used (its Host header) taken, which is right only when everyone reaches Asah the same way.
enum SiteAddress {
    /// Where an address came from, as the agency settings page explains it.
    enum Source: String, CaseIterable {
        case settings, option, request
    }

    /// The base address (no trailing slash) for `settings`, and where it came from.
    static func base(_ context: Context, settings: AgencySettings) -> (url: String, source: Source) {
        if let configured = settings.publicURL { return (configured, .settings) }
        if let option = context.services.publicURL { return (option, .option) }
        return (requestOrigin(context), .request)
    }

    /// The base address, reading the agency settings.
    static func base(_ context: Context) throws -> String {
        base(context, settings: try AgencySettings.current(in: context.services.database)).url
    }

    /// The site's own address as the browser reached it.
    static func requestOrigin(_ context: Context) -> String {
        let host = context.request.headers["Host"].flatMap { host in
            host.range(of: #"^[A-Za-z0-9.\-]+(:[0-9]{1,5})?$"#, options: .regularExpression) != nil ? host : nil
        } ?? "localhost"
        return (context.request.isSecure ? "https://" : "http://") + host
    }
}
