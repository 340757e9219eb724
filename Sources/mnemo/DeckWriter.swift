import Foundation
import MnemoCore

/// Writes a deck as pretty-printed JSON with sorted keys, atomically (temporary file, fsync, rename).
enum DeckWriter {
    static func write(_ deck: Deck, to path: String) throws {
        let data = try deck.encoded()
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temp.path, contents: nil) else {
            throw BuildFailure(message: "\(path): cannot write (folder not writable?)")
        }
        do {
            let handle = try FileHandle(forWritingTo: temp)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            if rename(temp.path, url.path) != 0 {
                throw BuildFailure(message: "\(path): cannot replace (\(String(cString: strerror(errno))))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw error
        }
    }
}
