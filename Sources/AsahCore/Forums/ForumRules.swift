import Foundation

/// The forum's pure rules: lengths, the posting rate, the edit window, the flag and agenda
/// thresholds. Plain functions on values, so they are tested without a database.
public enum ForumRules {
    public static let titleLength = 8...140
    public static let bodyLength = 2...10_000
    /// At most this many posts (threads included) ...
    public static let postsPerWindow = 5
    /// ... in this many seconds.
    public static let rateWindowSeconds: Int64 = 10 * 60
    /// How long after posting an author may still edit.
    public static let editWindowSeconds: Int64 = 30 * 60
    /// How many times a post may be edited: each edit keeps the earlier text for moderators,
    /// so edits are bounded like posts are.
    public static let editsPerPost = 10
    /// Distinct people whose flags send a post to the moderation queue. Flags never hide a post.
    public static let flagsForQueue = 3

    /// `nil` when one more post is allowed now; otherwise the whole minutes to wait, given the
    /// times of the person's recent posts.
    public static func minutesToWait(recentPosts: [Int64], now: Int64) -> Int? {
        let inWindow = recentPosts.filter { $0 > now - rateWindowSeconds }.sorted()
        guard inWindow.count >= postsPerWindow else { return nil }
        let freesAt = inWindow[inWindow.count - postsPerWindow] + rateWindowSeconds
        return Int(max(1, (freesAt - now + 59) / 60))
    }

    /// The trimmed title, or the length problem.
    public static func validTitle(_ title: String) -> Result<String, ForumProblem> {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        return titleLength.contains(trimmed.count) ? .success(trimmed)
            : .failure(.titleLength(min: titleLength.lowerBound, max: titleLength.upperBound))
    }

    /// The body without surrounding blank lines, or the length problem.
    public static func validBody(_ body: String) -> Result<String, ForumProblem> {
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        return bodyLength.contains(trimmed.count) ? .success(trimmed)
            : .failure(.bodyLength(min: bodyLength.lowerBound, max: bodyLength.upperBound))
    }

    /// Whether a post written at `postedAt` may still be edited by its author at `now`.
    public static func mayEdit(postedAt: Int64, now: Int64) -> Bool {
        now - postedAt <= editWindowSeconds
    }

    /// How many supports put a suggestion on the agenda: `permille` thousandths of the
    /// eligible employees, rounded up, at least one.
    public static func agendaThreshold(permille: Int, eligible: Int) -> Int {
        max(1, (permille * eligible + 999) / 1000)
    }

    /// Whether `distinctFlaggers` is enough to queue a post for a moderator.
    public static func needsReview(distinctFlaggers: Int) -> Bool {
        distinctFlaggers >= flagsForQueue
    }
}
