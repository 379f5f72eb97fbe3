import Foundation
import GRDB

/// The owner records of pseudonyms (`forum_pseudonym_owners`): per pseudonym, the owner's
/// keyed tag beside the sealed (thread, number). Looking up one tag gives a person's own
/// pseudonyms after opening only their seals; without the key file a record says neither
/// whose it is nor which pseudonym it names.
enum PseudonymOwners {
    /// Records that `userId` holds pseudonym `number` in `threadId`.
    static func record(userId: Int64, threadId: Int64, number: Int, vault: PseudonymVault, in db: Database) throws {
        try db.execute(sql: "INSERT INTO forum_pseudonym_owners (owner_tag, sealed_pseudonym) VALUES (?, ?)",
                       arguments: [vault.ownerTag(userId: userId), vault.sealPseudonym(threadId: threadId, number: number)])
    }

    /// The (thread, number) of every pseudonym `userId` holds.
    static func pseudonyms(of userId: Int64, vault: PseudonymVault, in db: Database) throws -> [(threadId: Int64, number: Int)] {
        try Data.fetchAll(db.cachedStatement(sql: "SELECT sealed_pseudonym FROM forum_pseudonym_owners WHERE owner_tag = ?"),
                          arguments: [vault.ownerTag(userId: userId)]).compactMap(vault.openPseudonym)
    }
}
