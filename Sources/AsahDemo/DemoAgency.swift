import AsahCore

/// The demo kabupaten's agency settings: its names and coat of arms, a town to sign in and a made-up head of
/// BKPSDM, so a demo certificate carries a letterhead and a signature block, and its zone: the demo
/// kabupaten lies in Nusa Tenggara Barat, in WITA. No public address:
/// a demo is reached at whatever address it runs on, which the QR codes then take.
enum DemoAgency {
    static func configure(in database: AppDatabase, region: DemoRegion) throws {
        var input = AgencySettingsInput()
        input.regionName = "Pemerintah " + region.name
        input.agencyName = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
        input.address = "Jl. Lintas Makmur No. 12, Makmur Jaya 84355 · Telp. (0372) 81234"
        input.signingPlace = "Makmur Jaya"
        input.officialName = "Dr. Lalu Surya Wiratama, S.Sos., M.Si."
        input.officialNIP = "197204151998031005"
        input.officialJabatan = "Kepala BKPSDM"
        input.timeZone = LocalZone.wita.abbreviation
        if let logo = DemoLogo.store(database: database) { input.logo = .use(logo) }
        if case .failure(let problem) = try AgencySettings.save(input, actor: nil, ip: "demo", in: database) {
            throw problem
        }
    }
}
