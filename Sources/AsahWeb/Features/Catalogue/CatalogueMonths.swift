import AsahCore

/// When courses are on offer, in the reader's language: the month filter's choices and the
/// next run's line on a course card.
enum CatalogueMonths {
    /// This month and the eleven after it, as `YYYY-MM` choices named "Januari 2027".
    static func choices(selected: (year: Int, month: Int)?, _ localizer: Localizer) -> [[String: Any]] {
        let today = CalendarDate.today()
        return (0..<12).map { offset in
            let index = today.month - 1 + offset
            let year = today.year + index / 12, month = index % 12 + 1
            return ["value": String(format: "%04d-%02d", year, month), "label": localizer.month(year: year, month: month),
                    "selected": selected.map { $0.year == year && $0.month == month } ?? false]
        }
    }

    /// "4 Januari 2027 – 5 Januari 2027 · sisa 11 kursi · pendaftaran dibuka", linking the run.
    static func offer(_ offer: CourseOffer, _ localizer: Localizer) -> [String: Any] {
        let seats = offer.seatsLeft > 0 ? localizer.count("home_seats_left", offer.seatsLeft)
            : localizer.t("home_run_full")
        let enrolment = offer.enrolmentOpen ? localizer.t("catalogue_enrolment_open") : localizer.t("catalogue_enrolment_not_open")
        return ["runId": offer.runId, "title": offer.title, "open": offer.enrolmentOpen,
                "text": TrainingFormat.dates(offer.startsOn, offer.endsOn, localizer) + " · " + seats + " · " + enrolment]
    }
}
