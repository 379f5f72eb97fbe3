import AsahCore

/// The names of appraisal facts in the reader's language: ratings, predikat (the legacy
/// PP 46/2011 ones marked as such) and periods ("Tahunan", "Triwulan II", "Maret").
extension Localizer {
    func name(_ rating: Rating) -> String {
        t("appraisal_rating_\(rating.rawValue)")
    }

    func name(_ predikat: Predikat) -> String {
        t("appraisal_predikat_\(predikat.rawValue)")
    }

    func name(_ predikat: AppraisalPredikat) -> String {
        t("appraisal_predikat_\(predikat.rawValue)")
    }

    func name(_ period: AppraisalPeriod) -> String {
        t("appraisal_period_\(period.rawValue)")
    }
}
