#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The POSIX calls the progress store needs, under names that no method shadows.
enum SystemCall {
    /// Writes all of `bytes` to `fd`; returns nil or the system's reason for failing.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { buf -> String? in
            var done = 0
            while done < buf.count {
                let n = write(fd, buf.baseAddress! + done, buf.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                done += n
            }
            return nil
        }
    }

    static func closeFile(_ fd: Int32) { _ = close(fd) }

    /// The message for the current `errno`.
    static var lastError: String { String(cString: strerror(errno)) }
}
