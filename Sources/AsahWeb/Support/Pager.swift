/// Page links for a long list: "previous", "next" and "Halaman 2 dari 9", for the
/// `pager` navigation the list templates share.
struct Pager {
    let page: Int
    let pages: Int
    let offset: Int

    /// `requested` is the 1-based page (out-of-range pages are brought back in).
    init(page requested: Int, total: Int, pageSize: Int) {
        pages = max(1, (total + pageSize - 1) / pageSize)
        page = min(max(1, requested), pages)
        offset = Pager.offset(page: page, pageSize: pageSize)
    }

    /// The highest page number a query may ask for: far beyond any real list, and small
    /// enough that `(page - 1) * pageSize` can never overflow.
    static let highestPage = 100_000

    /// The rows to skip for `page` of `pageSize` rows (`page` as `Query.page()` gives it).
    static func offset(page: Int, pageSize: Int) -> Int {
        (min(max(1, page), highestPage) - 1) * pageSize
    }

    /// The template values; `link` gives the address of a page number.
    func values(_ localizer: Localizer, link: (Int) -> String) -> [String: Any] {
        [
            "pageInfo": localizer.t("page_info", ["page": String(page), "pages": String(pages)]),
            "prev": page > 1 ? link(page - 1) : "",
            "next": page < pages ? link(page + 1) : "",
        ]
    }
}
