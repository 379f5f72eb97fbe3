import Foundation

/// The agency settings as a form or the command line sends them, untrusted, and the rules
/// that make them ``AgencySettings``: the region and the agency are named; the signing
/// official is named in full (name, a valid PNS NIP, jabatan) or not at all; the public
/// address is an http(s) address; the time zone is WIB, WITA or WIT; no field is over its length or holds a line break or other
/// control character.
public struct AgencySettingsInput: Sendable, Equatable {
    /// What happens to the logo.
    public enum Logo: Sendable, Equatable {
        /// The logo stays as it is.
        case keep
        /// No logo from now on.
        case remove
        /// A file just stored in the agency upload folder, by its stored name.
        case use(String)
    }

    public var regionName = ""
    public var agencyName = ""
    public var address = ""
    public var signingPlace = ""
    public var officialName = ""
    public var officialNIP = ""
    public var officialJabatan = ""
    public var publicURL = ""
    /// "WIB", "WITA" or "WIT" (or the zone's IANA name); empty keeps the saved zone.
    public var timeZone = ""
    public var logo = Logo.keep

    public init() {}

    /// The values of `settings`, for a form shown again or a change of a few fields.
    public init(_ settings: AgencySettings) {
        regionName = settings.regionName
        agencyName = settings.agencyName
        address = settings.address
        signingPlace = settings.signingPlace
        officialName = settings.official?.name ?? ""
        officialNIP = settings.official?.nip.digits ?? ""
        officialJabatan = settings.official?.jabatan ?? ""
        publicURL = settings.publicURL ?? ""
        timeZone = settings.timeZone.abbreviation
    }

    /// The settings these values make from `current` (which keeps its logo unless told
    /// otherwise), or every problem found.
    public func validated(from current: AgencySettings = .empty,
                          today: CalendarDate = .today()) -> Result<AgencySettings, AgencySettingsProblem> {
        var findings: [AgencySettingsProblem.Finding] = []
        func text(_ value: String, _ field: AgencySettingsField) -> String {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                findings.append(.init(field, "problem_agency_control_characters", ["field": "@agency_field_\(field.rawValue)"]))
            } else if trimmed.count > field.maximumLength {
                findings.append(.init(field, "problem_agency_too_long",
                                      ["field": "@agency_field_\(field.rawValue)", "maximumCount": String(field.maximumLength)]))
            }
            return trimmed
        }
        let region = text(regionName, .regionName), agency = text(agencyName, .agencyName), address = text(address, .address)
        let place = text(signingPlace, .signingPlace)
        let name = text(officialName, .officialName), jabatan = text(officialJabatan, .officialJabatan)
        let nipText = text(officialNIP, .officialNIP), url = text(publicURL, .publicURL)
        for (value, field) in [(region, AgencySettingsField.regionName), (agency, .agencyName)] where value.isEmpty {
            findings.append(.init(field, "problem_agency_required", ["field": "@agency_field_\(field.rawValue)"]))
        }
        let official = validatedOfficial(name: name, nipText: nipText, jabatan: jabatan, today: today, into: &findings)
        let base = url.isEmpty ? nil : PublicAddress.normalised(url)
        if !url.isEmpty, base == nil, !findings.contains(where: { $0.field == .publicURL }) {
            findings.append(.init(.publicURL, "problem_agency_public_url"))
        }
        let zone = timeZone.isEmpty ? current.timeZone : LocalZone(name: timeZone)
        if zone == nil { findings.append(.init(.timeZone, "problem_agency_time_zone")) }
        let logoFile: String?
        switch logo {
        case .keep: logoFile = current.logoFile
        case .remove: logoFile = nil
        case .use(let name):
            logoFile = name
            if !Self.isStoredLogoName(name) { findings.append(.init(.logo, "problem_agency_logo_type")) }
        }
        guard findings.isEmpty else { return .failure(AgencySettingsProblem(findings)) }
        return .success(AgencySettings(regionName: region, agencyName: agency, address: address, signingPlace: place, logoFile: logoFile,
                                       official: official, publicURL: base, timeZone: zone ?? current.timeZone))
    }

    /// The official named in full, `nil` when none of the three is given; a finding for each
    /// part missing or wrong otherwise.
    private func validatedOfficial(name: String, nipText: String, jabatan: String, today: CalendarDate,
                                   into findings: inout [AgencySettingsProblem.Finding]) -> SigningOfficial? {
        guard !(name.isEmpty && nipText.isEmpty && jabatan.isEmpty) else { return nil }
        let known = Set(findings.map(\.field))
        for (value, field) in [(name, AgencySettingsField.officialName), (nipText, .officialNIP), (jabatan, .officialJabatan)]
        where value.isEmpty {
            findings.append(.init(field, "problem_agency_official_incomplete", ["field": "@agency_field_\(field.rawValue)"]))
        }
        guard !nipText.isEmpty, !known.contains(.officialNIP) else { return nil }
        let check = NIP.validate(nipText, employment: .pns, today: today)
        guard let nip = check.nip else {
            for problem in check.problems where problem.severity == .error {
                findings.append(.init(.officialNIP, "problem_agency_nip", problem.arguments.merging(["reason": "@" + problem.key]) { $1 }))
            }
            return nil
        }
        return name.isEmpty || jabatan.isEmpty ? nil : SigningOfficial(name: name, nip: nip, jabatan: jabatan)
    }

    /// Whether `name` is a name the agency upload folder gives a logo: a SHA-256 and `.png` or `.jpg`.
    public static func isStoredLogoName(_ name: String) -> Bool {
        name.wholeMatch(of: /[0-9a-f]{64}\.(png|jpg)/) != nil
    }
}
