import Foundation

extension DirectoryEntry {
    /// Whether what someone typed names this person the way the directory's search reads it:
    /// the start of their NIP (spaces allowed), or every word somewhere in their name, ignoring
    /// case and accents.
    func fits(_ typed: String) -> Bool {
        let compact = NIP.normalise(typed)
        if !compact.isEmpty && compact.allSatisfy({ ("0"..."9").contains($0) }) {
            return nip.hasPrefix(compact)
        }
        let words = SearchWords.split(typed)
        return !words.isEmpty && words.allSatisfy {
            name.range(of: $0, options: [.caseInsensitive, .diacriticInsensitive]) != nil
        }
    }
}
