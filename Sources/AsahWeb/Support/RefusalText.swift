import AsahCore

/// A domain refusal as a sentence for the command line, in Bahasa Indonesia unless told otherwise.
public enum RefusalText {
    public static func sentence(_ refusal: Refusal, locale: String = "id") throws -> String {
        Refusals.message(refusal, try MessageCatalogue().localizer(locale))
    }
}
