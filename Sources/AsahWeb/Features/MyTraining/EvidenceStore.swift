import AsahCore

/// Evidence files of external trainings: PDF, JPEG or PNG (sniffed and by extension), at most
/// 5 MB, in the `evidence` folder of the ``FileStore``.
enum EvidenceStore {
    static let maximumBytes = 5 * 1024 * 1024

    static func store(_ database: AppDatabase) -> FileStore {
        FileStore(database: database, folder: StoredUploads.evidenceFolder, maximumBytes: maximumBytes, kinds: FileStore.Kind.documentsAndImages)
    }
}
