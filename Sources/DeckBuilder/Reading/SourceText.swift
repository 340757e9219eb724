/// A source's text, decoded and split into lines (1-based line numbers are index + 1).
public struct SourceText: Sendable {
    public var file: SourceFile
    public var lines: [String]
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String
    public var byteCount: Int

    public init(file: SourceFile, lines: [String], sha256: String, byteCount: Int) {
        self.file = file
        self.lines = lines
        self.sha256 = sha256
        self.byteCount = byteCount
    }
}
