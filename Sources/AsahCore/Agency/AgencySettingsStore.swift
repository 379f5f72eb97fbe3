import GRDB

/// Reading and saving the agency settings (the one row of `agency_settings`). A save is whole
/// or nothing, and every save is in the audit log with the fields it changed.
extension AgencySettings {
    /// The saved settings, ``empty`` when none were saved.
    public static func current(in database: AppDatabase) throws -> AgencySettings {
        try database.pool.read(read)
    }

    /// The saved settings inside the caller's read, so a page can show them from its own snapshot.
    public static func read(_ db: Database) throws -> AgencySettings {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM agency_settings WHERE id = 1")) else { return .empty }
        var official: SigningOfficial?
        if let name: String = row["official_name"], let digits: String = row["official_nip"], let jabatan: String = row["official_jabatan"],
           let nip = NIP(digits, employment: .pns, today: .today()) {
            official = SigningOfficial(name: name, nip: nip, jabatan: jabatan)
        }
        return AgencySettings(regionName: row["region_name"], agencyName: row["agency_name"], address: row["address"],
                              signingPlace: row["signing_place"], logoFile: row["logo_file"], official: official, publicURL: row["public_url"],
                              timeZone: (row["time_zone"] as String?).flatMap(LocalZone.init(rawValue:)) ?? .wib)
    }

    /// Checks `input` against the saved settings and saves it, with an audit entry naming the
    /// changed fields; nothing is written when any field has a problem. A new zone is in force
    /// in this process from the commit on.
    public static func save(_ input: AgencySettingsInput, actor: Int64?, ip: String?, in database: AppDatabase,
                            today: CalendarDate = .today()) throws -> Result<AgencySettings, AgencySettingsProblem> {
        let result: Result<AgencySettings, AgencySettingsProblem> = try database.pool.write { db in
            let current = try read(db)
            let settings: AgencySettings
            switch input.validated(from: current, today: today) {
            case .failure(let problem): return .failure(problem)
            case .success(let valid): settings = valid
            }
            try db.execute(sql: """
                INSERT INTO agency_settings (id, region_name, agency_name, address, signing_place, logo_file, official_name, official_nip,
                                             official_jabatan, public_url, time_zone, updated_at, updated_by)
                VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET region_name = excluded.region_name, agency_name = excluded.agency_name,
                    address = excluded.address, signing_place = excluded.signing_place, logo_file = excluded.logo_file, official_name = excluded.official_name,
                    official_nip = excluded.official_nip, official_jabatan = excluded.official_jabatan,
                    public_url = excluded.public_url, time_zone = excluded.time_zone, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """, arguments: [settings.regionName, settings.agencyName, settings.address, settings.signingPlace, settings.logoFile,
                                 settings.official?.name, settings.official?.nip.digits, settings.official?.jabatan,
                                 settings.publicURL, settings.timeZone.rawValue, Clock.now(), actor])
            let changed = settings.changedFields(since: current)
            try AuditLog.record("agency.settings", actor: actor, ip: ip, subject: "agency",
                                detail: changed.isEmpty ? "-" : changed.map(\.rawValue).joined(separator: ","), in: db)
            return .success(settings)
        }
        if case .success(let settings) = result { database.zoneSetting.replace(with: settings.timeZone) }
        return result
    }

    /// The fields whose values differ from `earlier`.
    public func changedFields(since earlier: AgencySettings) -> [AgencySettingsField] {
        AgencySettingsField.allCases.filter { field in
            switch field {
            case .regionName: regionName != earlier.regionName
            case .agencyName: agencyName != earlier.agencyName
            case .address: address != earlier.address
            case .signingPlace: signingPlace != earlier.signingPlace
            case .logo: logoFile != earlier.logoFile
            case .officialName: official?.name != earlier.official?.name
            case .officialNIP: official?.nip != earlier.official?.nip
            case .officialJabatan: official?.jabatan != earlier.official?.jabatan
            case .publicURL: publicURL != earlier.publicURL
            case .timeZone: timeZone != earlier.timeZone
            }
        }
    }
}
