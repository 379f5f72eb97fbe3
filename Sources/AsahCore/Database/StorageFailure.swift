import GRDB

/// Errors that mean the database file cannot be written right now (disk full, read-only file,
/// I/O failure) rather than a bug: the request is refused whole, and the same request succeeds
/// again once the operator frees space or fixes the file.
public enum StorageFailure {
    public static func matches(_ error: any Error) -> Bool {
        guard let failure = error as? DatabaseError else { return false }
        switch failure.resultCode {
        case .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_BUSY: return true
        default: return false
        }
    }
}
