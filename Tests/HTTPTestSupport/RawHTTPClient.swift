/// Placeholder: replaced by the raw socket HTTP client.
public enum RawHTTPClientPlaceholder {}
