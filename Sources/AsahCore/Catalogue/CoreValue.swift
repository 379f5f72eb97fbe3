/// One of the seven core values of the ASN, *BerAKHLAK* (Berorientasi Pelayanan, Akuntabel,
/// Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif): the behaviour half of every appraisal
/// (PermenPANRB 6/2022) and so a competency many courses develop.
public enum CoreValue: String, CaseIterable, Sendable, Codable, Hashable, CatalogueTerm {
    case berorientasiPelayanan = "berorientasi_pelayanan"
    case akuntabel
    case kompeten
    case harmonis
    case loyal
    case adaptif
    case kolaboratif

    /// "Berorientasi Pelayanan" / "Service-oriented", ...
    public var name: BilingualText {
        switch self {
        case .berorientasiPelayanan: BilingualText("Berorientasi Pelayanan", english: "Service-oriented")
        case .akuntabel: BilingualText("Akuntabel", english: "Accountable")
        case .kompeten: BilingualText("Kompeten", english: "Competent")
        case .harmonis: BilingualText("Harmonis", english: "Harmonious")
        case .loyal: BilingualText("Loyal", english: "Loyal")
        case .adaptif: BilingualText("Adaptif", english: "Adaptive")
        case .kolaboratif: BilingualText("Kolaboratif", english: "Collaborative")
        }
    }
}
