/// Whole percentages as people read them.
enum WorkshopMath {
    /// `part` of `whole` in whole percent, halves rounded up (7 of 8 is 88); 0 when `whole` is 0.
    static func roundedPercent(_ part: Int, of whole: Int) -> Int {
        whole == 0 ? 0 : (part * 200 + whole) / (whole * 2)
    }
}
