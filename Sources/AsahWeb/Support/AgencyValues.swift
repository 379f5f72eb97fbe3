import AsahCore

/// The agency settings as the printed pages show them: the letterhead (logo, region, agency,
/// address) and the signature block (place and date, jabatan, name, NIP), with the catalogue's
/// words where an administrator has set nothing yet.
enum AgencyValues {
    /// `agencyLogo` (an address), `agencyRegion`, `agencyName`, `agencyAddress`.
    static func letterhead(_ settings: AgencySettings, _ localizer: Localizer) -> [String: Any] {
        [
            "agencyLogo": settings.logoFile.map { "/agency/logo/" + $0 } ?? false,
            "agencyRegion": settings.regionName.isEmpty ? false : settings.regionName,
            "agencyName": settings.isConfigured ? settings.agencyName : localizer.t("certificate_org"),
            "agencyAddress": settings.address.isEmpty ? false : settings.address,
        ]
    }

    /// `signPlaceDate` ("Taliwang, 5 Desember 2026"), `signJabatan`, `signName` and `signNIP`
    /// (false when no official is named: the lines stay blank to be written by hand).
    static func signature(_ settings: AgencySettings, date: String, _ localizer: Localizer) -> [String: Any] {
        [
            "signPlaceDate": settings.signingPlace.isEmpty ? date : settings.signingPlace + ", " + date,
            "signJabatan": settings.official?.jabatan ?? localizer.t("certificate_signatory"),
            "signName": settings.official?.name ?? false,
            "signNIP": settings.official?.nip.formatted ?? false,
        ]
    }

    /// Both, for a paper dated `date`.
    static func printed(_ settings: AgencySettings, date: String, _ localizer: Localizer) -> [String: Any] {
        letterhead(settings, localizer).merging(signature(settings, date: date, localizer)) { $1 }
    }
}
