/// The agency that runs Asah as its certificates and printed reports name it: the region and
/// the agency, its address and logo, the official who signs, and the public address the
/// certificates' QR codes point at, and the time zone every time is typed and shown in. Every
/// field is empty (the zone WIB) until an administrator saves them.
public struct AgencySettings: Sendable, Equatable {
    /// "Pemerintah Kabupaten Sumbawa Barat".
    public var regionName: String
    /// "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia".
    public var agencyName: String
    /// The address line under the names on a letterhead (street, town, telephone).
    public var address: String
    /// The town a certificate is signed in ("Taliwang"), before the date of the signature block.
    public var signingPlace: String
    /// The logo's name in the ``StoredUploads/agencyFolder`` ("<sha256>.png"), if one was uploaded.
    public var logoFile: String?
    /// Who signs certificates and reports, if named.
    public var official: SigningOfficial?
    /// The address people reach Asah at ("https://asah.pemda.go.id", no trailing slash), if set.
    public var publicURL: String?
    /// The zone times are typed and shown in, and days turn in (see ``LocalZone``).
    public var timeZone: LocalZone

    public init(regionName: String = "", agencyName: String = "", address: String = "", signingPlace: String = "", logoFile: String? = nil,
                official: SigningOfficial? = nil, publicURL: String? = nil, timeZone: LocalZone = .wib) {
        self.regionName = regionName
        self.agencyName = agencyName
        self.address = address
        self.signingPlace = signingPlace
        self.logoFile = logoFile
        self.official = official
        self.publicURL = publicURL
        self.timeZone = timeZone
    }

    /// Nothing saved yet.
    public static let empty = AgencySettings()

    /// Whether an administrator has named the agency.
    public var isConfigured: Bool { !agencyName.isEmpty }
}

/// The official who signs certificates and printed reports: name with titles, NIP and jabatan.
public struct SigningOfficial: Sendable, Equatable {
    /// "Dr. Lalu Ahmad Zaini, S.Sos., M.Si."
    public let name: String
    public let nip: NIP
    /// "Kepala BKPSDM".
    public let jabatan: String

    public init(name: String, nip: NIP, jabatan: String) {
        self.name = name
        self.nip = nip
        self.jabatan = jabatan
    }
}
