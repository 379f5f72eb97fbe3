import Foundation

/// The words of one search, matched against post texts the way the FTS5 index matched them
/// (letters and digits make a word; case and diacritics are ignored; the last word may be the
/// start of a longer one), to rank the latest matches and cut their snippets in Swift.
///
/// FTS5's `bm25` and `snippet` were most of a search's time on a million posts: `bm25` counts
/// every post holding a common word before it can score one, and `snippet` ran for every
/// ranked candidate. Every candidate holds every word, so a word's rarity ranks none above
/// another; what ranks them is how often and how densely they use the words, and the title.
struct SearchMatcher {
    /// The folded words searched for.
    let words: [String]
    /// The same, as UTF-8 bytes.
    private let wordBytes: [[UInt8]]

    /// `nil` when `text` has no word to search for.
    init?(_ text: String) {
        let words = Self.tokens(in: text).prefix(SearchWords.limit).map { Self.fold(text[$0]) }
        guard !words.isEmpty else { return nil }
        self.words = Array(words)
        wordBytes = words.map { Array($0.utf8) }
    }

    /// Which searched word `token` (folded) is, if any.
    private func word(matching token: String) -> Int? {
        words.indices.first { index in
            index == words.count - 1 ? token.hasPrefix(words[index]) : token == words[index]
        }
    }

    /// Which searched word the text's word `token` is, if any. An ASCII word (nearly all) is
    /// compared byte by byte in lower case instead of being folded into a new string first:
    /// folding every word of a hundred candidates was most of ranking them.
    func word(in token: Substring) -> Int? {
        let bytes = token.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return word(matching: Self.fold(token)) }
        let count = bytes.count
        return wordBytes.indices.first { index in
            let word = wordBytes[index]
            guard index == wordBytes.count - 1 ? count >= word.count : count == word.count else { return false }
            return zip(bytes, word).allSatisfy { byte, wanted in (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == wanted }
        }
    }

    /// How often a text uses each searched word, and its length in words.
    struct Use {
        let counts: [Double]
        let length: Int

        /// The counts saturated as in BM25 (k1 1.2, b 0.75) against `averageLength`.
        func score(averageLength: Double) -> Double {
            let norm = 1.2 * (0.25 + 0.75 * Double(length) / max(averageLength, 1))
            return counts.reduce(0) { $0 + $1 * 2.2 / ($1 + norm) }
        }
    }

    /// How `body` (with the thread's `title` when it opens the thread) uses the searched
    /// words, the title's counting twice.
    func use(title: String?, body: String) -> Use {
        var counts = [Double](repeating: 0, count: words.count)
        var length = 0
        for (text, weight) in [(title ?? "", 2.0), (body, 1.0)] {
            for range in Self.tokens(in: text) {
                length += 1
                if let word = word(in: text[range]) { counts[word] += weight }
            }
        }
        return Use(counts: counts, length: length)
    }

    /// About `size` words of `text` around the first searched word, the searched words marked;
    /// "…" where the text was cut. `nil` when no searched word is in `text`.
    func snippet(of text: String, size: Int = 16) -> [ForumSearch.Fragment]? {
        let tokens = Self.tokens(in: text)
        let marked = tokens.map { word(in: text[$0]) != nil }
        guard let first = marked.firstIndex(of: true) else { return nil }
        let start = max(0, min(first - size / 4, tokens.count - size))
        let end = min(tokens.count, start + size)
        var fragments: [ForumSearch.Fragment] = []
        var plain = start > 0 ? "…" : ""
        var cursor = tokens[start].lowerBound
        for index in start..<end {
            let range = tokens[index]
            plain += text[cursor..<range.lowerBound]
            if marked[index] {
                if !plain.isEmpty { fragments.append(.init(text: plain, marked: false)) }
                fragments.append(.init(text: String(text[range]), marked: true))
                plain = ""
            } else {
                plain += text[range]
            }
            cursor = range.upperBound
        }
        if end < tokens.count { plain += "…" }
        if !plain.isEmpty { fragments.append(.init(text: plain, marked: false)) }
        return fragments
    }

    /// The ranges of `text`'s words: runs of letters and digits.
    static func tokens(in text: String) -> [Range<String.Index>] {
        var tokens: [Range<String.Index>] = []
        var start: String.Index?
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let isWord = scalar.isASCII
                ? (scalar.value >= 0x30 && scalar.value <= 0x39) || (scalar.value | 0x20 >= 0x61 && scalar.value | 0x20 <= 0x7A)
                : scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.isDiacritic
            if isWord, start == nil { start = index }
            if !isWord, let begun = start {
                tokens.append(begun..<index)
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let begun = start { tokens.append(begun..<scalars.endIndex) }
        return tokens
    }

    /// `word` in lower case without diacritics (ASCII words, nearly all, without Foundation).
    static func fold(_ word: Substring) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: word.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        return word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
