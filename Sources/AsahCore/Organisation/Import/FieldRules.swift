/// Small parsing rules the imports share.
enum FieldRules {
    /// A NIP cell as typed or exported: spaces and a leading apostrophe (which spreadsheet
    /// users type to keep a long number as text) removed.
    static func nip(_ text: String) -> String {
        let compact = NIP.normalise(text)
        // A spreadsheet keeps a long number as text with a leading ' or as the formula ="…"
        // (how Asah's Excel downloads write NIPs).
        if compact.hasPrefix("=\""), compact.hasSuffix("\""), compact.count > 3 { return String(compact.dropFirst(2).dropLast()) }
        return compact.hasPrefix("'") ? String(compact.dropFirst()) : compact
    }

    /// Whether a spreadsheet turned the number into scientific notation ("1,98503E+17"):
    /// the digits are lost and the file must be exported again with the column as text.
    static func isScientificNotation(_ text: String) -> Bool {
        text.uppercased().contains("E+")
    }

    /// "aktif" / "nonaktif" and common variants ("tidak aktif", "non-aktif", "1", "0").
    static func active(_ text: String) -> Bool? {
        switch text.lowercased().filter({ $0.isLetter || $0.isNumber }) {
        // SIASN's kedudukan hukum too: still serving (MPP, tugas belajar) or gone.
        case "aktif", "active", "ya", "1", "pnsaktif", "pppkaktif", "mpp", "masapersiapanpensiun", "tugasbelajar": true
        case "nonaktif", "tidakaktif", "inactive", "tidak", "0", "pensiun", "meninggal", "wafat", "berhenti", "diberhentikan",
             "pemberhentian", "pemberhentiansementara", "cltn", "mutasikeluar", "pindahkeluar": false
        default: nil
        }
    }

    /// A plausible e-mail address: one `@`, a local part and a dotted domain of letters,
    /// digits and hyphens ending in a name of at least two letters.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last, !local.isEmpty,
              local.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._%+-'".contains($0)) }),
              !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let top = labels.last, top.count >= 2, top.allSatisfy(\.isLetter) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}
