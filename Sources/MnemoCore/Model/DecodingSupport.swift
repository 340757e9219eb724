extension KeyedDecodingContainer {
    /// An `Int` field, with a clear message when the JSON holds a fraction such as 1.5
    /// (Foundation's decoder throws an internal error for it that surfaces as "not valid JSON").
    func decodeWholeNumber(forKey key: Key) throws -> Int {
        do {
            return try decode(Int.self, forKey: key)
        } catch let error as DecodingError {
            throw error
        } catch {
            if let value = try? decode(Double.self, forKey: key) {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: self, debugDescription: "should be a whole number, found \(value)")
            }
            throw error
        }
    }
}
