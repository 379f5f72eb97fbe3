import ArgumentParser
import AsahCore
import AsahWeb

/// `asah agency show|set`: the agency settings certificates and printed reports use, and the
/// time zone every time is shown in, from the shell (the logo is uploaded on `/admin/agency`).
struct AgencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agency", abstract: "The agency's names, signing official, public address, time zone and JP targets and caps per employment type.", subcommands: [Show.self, Change.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the agency settings.")
        @OptionGroup var database: DatabaseOption

        func run() throws {
            let settings = try AgencySettings.current(in: AppDatabase(path: database.db))
            let rows: [(AgencySettingsField, String)] = [
                (.regionName, settings.regionName), (.agencyName, settings.agencyName), (.address, settings.address),
                (.signingPlace, settings.signingPlace), (.officialName, settings.official?.name ?? ""),
                (.officialNIP, settings.official?.nip.formatted ?? ""), (.officialJabatan, settings.official?.jabatan ?? ""),
                (.publicURL, settings.publicURL ?? ""), (.logo, settings.logoFile.map { StoredUploads.agencyFolder + "/" + $0 } ?? ""),
                (.timeZone, "\(settings.timeZone.abbreviation) (\(settings.timeZone.rawValue))"),
            ]
            for (field, value) in rows { print("\(field.rawValue): \(value)") }
            let rules = try EmploymentRules.current(in: AppDatabase(path: database.db))
            for employment in Employment.allCases {
                let rule = rules.rule(for: employment)
                print("\(employment.rawValue)_target_jp: \(rule.target.map(TrainingHours.format) ?? "")")
                print("\(employment.rawValue)_cap_jp: \(rule.cap.map(TrainingHours.format) ?? "")")
            }
        }
    }

    struct Change: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Change agency settings: the fields given change, the others stay; an empty value clears a field.",
            discussion: "Checked as the page checks them (a valid PNS NIP, an http(s) address, ...); nothing is saved when one is wrong. Audited.")
        @OptionGroup var database: DatabaseOption
        @Option(help: "Pemerintah Kabupaten/Kota/Provinsi ...") var regionName: String?
        @Option(help: "The agency's name.") var agencyName: String?
        @Option(help: "The address line under the names.") var address: String?
        @Option(help: "The town certificates are signed in.") var signingPlace: String?
        @Option(help: "The signing official's name with titles.") var officialName: String?
        @Option(help: "The signing official's NIP (18 digits).") var officialNip: String?
        @Option(help: "The signing official's position, e.g. Kepala BKPSDM.") var officialJabatan: String?
        @Option(help: "The address people reach Asah at (certificate QR codes, e-mail links).") var publicURL: String?
        @Option(help: ArgumentHelp("The time zone every time is typed and shown in: WIB, WITA or WIT.",
                                   discussion: "Stored times stay the same instants; only how they are shown changes."))
        var timeZone: String?
        @Flag(help: "Remove the logo.") var removeLogo = false
        @Option(help: "PNS yearly JP target (PP 11/2017 art. 203: 20); empty for none.") var pnsTarget: String?
        @Option(help: "PNS yearly JP cap; empty for none (the default).") var pnsCap: String?
        @Option(help: "PPPK yearly JP target; empty for none (the default: PP 49/2018 sets no minimum).") var pppkTarget: String?
        @Option(help: "PPPK yearly JP cap (PP 49/2018 art. 39: 24); empty for none.") var pppkCap: String?

        func run() throws {
            let appDatabase = try AppDatabase(path: database.db)
            try saveRules(appDatabase)
            guard [regionName, agencyName, address, signingPlace, officialName, officialNip, officialJabatan, publicURL]
                .contains(where: { $0 != nil }) || removeLogo else { return }
            var input = AgencySettingsInput(try AgencySettings.current(in: appDatabase))
            if let regionName { input.regionName = regionName }
            if let agencyName { input.agencyName = agencyName }
            if let address { input.address = address }
            if let signingPlace { input.signingPlace = signingPlace }
            if let officialName { input.officialName = officialName }
            if let officialNip { input.officialNIP = officialNip }
            if let officialJabatan { input.officialJabatan = officialJabatan }
            if let publicURL { input.publicURL = publicURL }
            if let timeZone { input.timeZone = timeZone }
            if removeLogo { input.logo = .remove }
            switch try AgencySettings.save(input, actor: nil, ip: "cli", in: appDatabase) {
            case .success(let settings):
                print("Saved. Certificates are signed by \(settings.official.map { "\($0.name), \($0.jabatan)" } ?? "nobody named yet");",
                      "times are in \(settings.timeZone.abbreviation).")
            case .failure(let problem): throw CLIError(try RefusalText.sentence(problem.refusal))
            }
        }

        /// Saves the JP targets and caps given (the others stay), when any is given.
        private func saveRules(_ appDatabase: AppDatabase) throws {
            guard [pnsTarget, pnsCap, pppkTarget, pppkCap].contains(where: { $0 != nil }) else { return }
            func jp(_ text: String?, _ current: Double?, _ option: String) throws -> Double? {
                guard let text else { return current }
                if text.isEmpty { return nil }
                guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite else {
                    throw CLIError("--\(option): '\(text)' is not a number of JP")
                }
                return value
            }
            var rules = try EmploymentRules.current(in: appDatabase)
            rules.pns = .init(target: try jp(pnsTarget, rules.pns.target, "pns-target"), cap: try jp(pnsCap, rules.pns.cap, "pns-cap"))
            rules.pppk = .init(target: try jp(pppkTarget, rules.pppk.target, "pppk-target"), cap: try jp(pppkCap, rules.pppk.cap, "pppk-cap"))
            switch try EmploymentRules.save(rules, actor: nil, ip: "cli", in: appDatabase) {
            case .success: print("Saved the JP targets and caps.")
            case .failure(let problem): throw CLIError(try RefusalText.sentence(problem.refusal))
            }
        }
    }
}
