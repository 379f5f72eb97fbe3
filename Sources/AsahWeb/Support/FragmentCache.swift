import Synchronization

/// Rendered HTML pieces that are the same for many readers (a post as anyone but its author
/// and the moderators sees it), each kept with the facts it was rendered from.
///
/// A piece is reused only when the facts read for this request equal those it was rendered
/// from, so a change shows on the very next view without any invalidation, and nothing that
/// depends on the reader may be part of a piece. Memory stays bounded: pieces live in two
/// generations; when the current one reaches half the budget it becomes the old one and the
/// old one is dropped, and a piece found in the old generation moves back to the current.
final class FragmentCache<Key: Hashable & Sendable, Facts: Equatable & Sendable>: Sendable {
    private struct Piece: Sendable {
        let facts: Facts
        let html: String
    }

    private struct Generations: Sendable {
        var current: [Key: Piece] = [:]
        var currentBytes = 0
        var old: [Key: Piece] = [:]
    }

    private let generations = Mutex(Generations())
    private let budgetBytes: Int

    init(budgetBytes: Int) {
        self.budgetBytes = budgetBytes
    }

    /// The piece kept for `key` if it was rendered from `facts`, else `render`'s, kept.
    func html(for key: Key, facts: Facts, render: () throws -> String) rethrows -> String {
        let kept = generations.withLock { state -> String? in
            if let piece = state.current[key] { return piece.facts == facts ? piece.html : nil }
            guard let piece = state.old.removeValue(forKey: key), piece.facts == facts else { return nil }
            Self.keep(piece, for: key, in: &state, budget: budgetBytes)
            return piece.html
        }
        if let kept { return kept }
        let html = try render()
        generations.withLock { Self.keep(Piece(facts: facts, html: html), for: key, in: &$0, budget: budgetBytes) }
        return html
    }

    private static func keep(_ piece: Piece, for key: Key, in state: inout Generations, budget: Int) {
        if state.currentBytes >= budget / 2 {
            state.old = state.current
            state.current = [:]
            state.currentBytes = 0
        }
        state.currentBytes += piece.html.utf8.count - (state.current.updateValue(piece, forKey: key)?.html.utf8.count ?? 0)
    }
}
