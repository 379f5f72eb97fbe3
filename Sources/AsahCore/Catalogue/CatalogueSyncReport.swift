/// What a ``CatalogueSync/sync(folder:)`` did, by course code, and the files it refused.
public struct CatalogueSyncReport: Hashable, Sendable {
    /// Courses new to the catalogue.
    public var loaded: [String] = []
    /// Courses rewritten because their file changed, moved or came back from the archive.
    public var updated: [String] = []
    /// Courses whose file had not changed since the last sync.
    public var unchanged: [String] = []
    /// Courses archived because their file is gone.
    public var archived: [String] = []
    /// Refused files, by file and line; their courses keep their last good version.
    public var errors: [CourseFileError] = []
}
