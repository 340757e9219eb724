import Foundation

/// A file found under the paths given to `mnemo build`.
public struct SourceFile: Hashable, Sendable {
    public enum Format: String, Sendable { case text, markdown, html }

    /// The file on disk.
    public var url: URL
    /// The name the deck lists: relative to the folder it was found in, or the file's own name.
    public var name: String
    public var format: Format
    /// The path messages name: as the user wrote it, or the folder as written joined to `name`.
    public var shownPath: String

    public init(url: URL, name: String, format: Format, shownPath: String? = nil) {
        self.url = url
        self.name = name
        self.format = format
        self.shownPath = shownPath ?? url.path
    }

    static func format(ofExtension ext: String) -> Format? {
        switch ext.lowercased() {
        case "txt", "text": .text
        case "md", "markdown": .markdown
        case "html", "htm", "xhtml": .html
        default: nil
        }
    }
}

/// Expands files and folders (recursively) into source files, in a stable order.
public enum SourceCollector {
    public static func collect(_ paths: [String]) -> (files: [SourceFile], problems: [SourceProblem]) {
        var files: [SourceFile] = []
        var problems: [SourceProblem] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                problems.append(.missing(path: path))
                continue
            }
            let url = URL(fileURLWithPath: path)
            if !isDir.boolValue {
                let format = SourceFile.format(ofExtension: url.pathExtension) ?? .text
                files.append(SourceFile(url: url, name: url.lastPathComponent, format: format, shownPath: path))
                continue
            }
            let found = filesUnder(url, shownAs: path)
            if found.isEmpty { problems.append(.noText(path: path)) }
            files += found
        }
        var seen = Set<String>()
        files = files.filter { seen.insert($0.url.standardizedFileURL.path).inserted }
        return (files, problems)
    }

    private static func filesUnder(_ root: URL, shownAs folder: String) -> [SourceFile] {
        let fm = FileManager.default
        guard let walker = fm.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let rootPath = root.standardizedFileURL.path
        var out: [SourceFile] = []
        for case let url as URL in walker {
            guard let format = SourceFile.format(ofExtension: url.pathExtension) else { continue }
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey])
            guard values?.isRegularFile == true else { continue }
            // README files describe a folder of sources; they are not sources themselves.
            if url.deletingPathExtension().lastPathComponent.uppercased() == "README" { continue }
            let full = url.standardizedFileURL.path
            var name =
                full.hasPrefix(rootPath + "/") ? String(full.dropFirst(rootPath.count + 1)) : url.lastPathComponent
            if name.isEmpty { name = url.lastPathComponent }
            let shown = folder == "." ? name : (folder.hasSuffix("/") ? folder : folder + "/") + name
            out.append(SourceFile(url: url, name: name, format: format, shownPath: shown))
        }
        return out.sorted { $0.name < $1.name }
    }
}
