import GRDB

/// The kind (jenis) of a course, after the list of klasikal and nonklasikal forms in
/// Peraturan LAN 10/2018, plus project-based training (the *aktualisasi* of Latsar and the
/// *proyek perubahan* of leadership training). Each kind belongs to one ``CourseForm``.
public enum CourseKind: String, CaseIterable, Sendable, Codable, Hashable, CatalogueTerm {
    case pelatihanKepemimpinan = "pelatihan_kepemimpinan"
    case pelatihanManajerial = "pelatihan_manajerial"
    case pelatihanTeknis = "pelatihan_teknis"
    case pelatihanFungsional = "pelatihan_fungsional"
    case pelatihanSosialKultural = "pelatihan_sosial_kultural"
    case seminar
    case workshop
    case kursus
    case penataran
    case bimbinganTeknis = "bimbingan_teknis"
    case sosialisasi
    case coaching
    case mentoring
    case eLearning = "e_learning"
    case pelatihanJarakJauh = "pelatihan_jarak_jauh"
    case detasering
    case outbound
    case patokBanding = "patok_banding"
    case pertukaran
    case belajarMandiri = "belajar_mandiri"
    case komunitasBelajar = "komunitas_belajar"
    case bimbinganDiTempatKerja = "bimbingan_di_tempat_kerja"
    case magang
    case projectBased = "project_based"

    /// Klasikal for the trainings, seminar, workshop, kursus, penataran, bimbingan teknis and
    /// sosialisasi; nonklasikal for the rest.
    public var form: CourseForm {
        switch self {
        case .pelatihanKepemimpinan, .pelatihanManajerial, .pelatihanTeknis, .pelatihanFungsional,
             .pelatihanSosialKultural, .seminar, .workshop, .kursus, .penataran, .bimbinganTeknis, .sosialisasi:
            .klasikal
        case .coaching, .mentoring, .eLearning, .pelatihanJarakJauh, .detasering, .outbound, .patokBanding,
             .pertukaran, .belajarMandiri, .komunitasBelajar, .bimbinganDiTempatKerja, .magang, .projectBased:
            .nonklasikal
        }
    }

    /// "Bimbingan Teknis" / "Technical guidance", "Patok Banding" / "Benchmarking", ...
    public var name: BilingualText {
        switch self {
        case .pelatihanKepemimpinan: BilingualText("Pelatihan Kepemimpinan", english: "Leadership training")
        case .pelatihanManajerial: BilingualText("Pelatihan Manajerial", english: "Managerial training")
        case .pelatihanTeknis: BilingualText("Pelatihan Teknis", english: "Technical training")
        case .pelatihanFungsional: BilingualText("Pelatihan Fungsional", english: "Functional training")
        case .pelatihanSosialKultural: BilingualText("Pelatihan Sosial Kultural", english: "Socio-cultural training")
        case .seminar: BilingualText("Seminar", english: "Seminar")
        case .workshop: BilingualText("Workshop (Lokakarya)", english: "Workshop")
        case .kursus: BilingualText("Kursus", english: "Short course")
        case .penataran: BilingualText("Penataran", english: "Upgrading course")
        case .bimbinganTeknis: BilingualText("Bimbingan Teknis", english: "Technical guidance")
        case .sosialisasi: BilingualText("Sosialisasi", english: "Briefing")
        case .coaching: BilingualText("Coaching", english: "Coaching")
        case .mentoring: BilingualText("Mentoring", english: "Mentoring")
        case .eLearning: BilingualText("E-Learning", english: "E-learning")
        case .pelatihanJarakJauh: BilingualText("Pelatihan Jarak Jauh", english: "Distance training")
        case .detasering: BilingualText("Detasering", english: "Secondment")
        case .outbound: BilingualText("Outbound", english: "Outdoor training")
        case .patokBanding: BilingualText("Patok Banding", english: "Benchmarking visit")
        case .pertukaran: BilingualText("Pertukaran Pegawai", english: "Staff exchange")
        case .belajarMandiri: BilingualText("Belajar Mandiri", english: "Self-study")
        case .komunitasBelajar: BilingualText("Komunitas Belajar", english: "Community of practice")
        case .bimbinganDiTempatKerja: BilingualText("Bimbingan di Tempat Kerja", english: "On-the-job guidance")
        case .magang: BilingualText("Magang", english: "Internship")
        case .projectBased: BilingualText("Pelatihan Berbasis Proyek", english: "Project-based training")
        }
    }
}

extension CourseKind: DatabaseValueConvertible {}
