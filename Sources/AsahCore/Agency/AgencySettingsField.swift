/// A field of the agency settings, named as the form and the audit log name it.
public enum AgencySettingsField: String, CaseIterable, Sendable {
    case regionName = "region_name"
    case agencyName = "agency_name"
    case address
    case signingPlace = "signing_place"
    case logo
    case officialName = "official_name"
    case officialNIP = "official_nip"
    case officialJabatan = "official_jabatan"
    case publicURL = "public_url"
    case timeZone = "time_zone"

    /// The longest text the field takes, in characters (the logo is a file: 0).
    public var maximumLength: Int {
        switch self {
        case .regionName, .officialName, .officialJabatan: 150
        case .agencyName, .publicURL: 200
        case .address: 250
        case .officialNIP: 40
        case .signingPlace: 80
        case .logo, .timeZone: 0
        }
    }
}
