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
        offset = (page - 1) * pageSize
    }

    /// `requested` is the page as the query gives it (missing or not a number: the first).
    init(requested: String?, total: Int, pageSize: Int) {
        self.init(page: Int(requested ?? "1") ?? 1, total: total, pageSize: pageSize)
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
