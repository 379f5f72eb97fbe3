extension RandomAccessCollection where Element: Comparable, Index == Int {
    /// In a collection sorted ascending, the first index whose element is not below `value`
    /// (`endIndex` when every element is): a binary search.
    package func firstIndex(notBelow value: Element) -> Int {
        var low = startIndex, high = endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
