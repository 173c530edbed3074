/// Finds the bytes of a text that need escaping, eight bytes at a time: report.json and run
/// pages escape hundreds of megabytes of probe output per thousand runs, nearly all of it plain.
package enum ByteScan {
    /// `byte` in every lane of a word.
    @inline(__always)
    package static func lanes(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }

    /// Nonzero when some lane of `word` is zero (exact as to "some"; which lanes it marks may
    /// include false ones above a true zero, so callers recheck byte by byte).
    @inline(__always)
    package static func zeroLanes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }

    /// Nonzero when some lane of `word` equals `byte`.
    @inline(__always)
    package static func lanes(of word: UInt64, equalTo byte: UInt8) -> UInt64 { zeroLanes(word ^ lanes(byte)) }

    /// Nonzero when some lane of `word` is below `limit` (at most 0x80).
    @inline(__always)
    package static func lanes(of word: UInt64, below limit: UInt8) -> UInt64 {
        (word &- lanes(limit)) & ~word & 0x8080_8080_8080_8080
    }

    /// The index of the first byte at or after `start` for which `isSpecial` holds, else `buffer.count`.
    @inline(__always)
    package static func firstIndex(in buffer: UnsafeBufferPointer<UInt8>, from start: Int, mayHold: (UInt64) -> UInt64,
                           isSpecial: (UInt8) -> Bool) -> Int {
        guard let base = buffer.baseAddress else { return buffer.count }
        let raw = UnsafeRawPointer(base)
        var index = start
        while index + 8 <= buffer.count, mayHold(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) == 0 {
            index += 8
        }
        while index < buffer.count, !isSpecial(buffer[index]) { index += 1 }
        return index
    }

    /// Calls `found` with the index of every byte for which `isSpecial` holds, in order.
    /// `mayHold` must be nonzero for every word that holds such a byte.
    @inline(__always)
    package static func forEach(in buffer: UnsafeBufferPointer<UInt8>, mayHold: (UInt64) -> UInt64,
                        isSpecial: (UInt8) -> Bool, found: (Int) -> Void) {
        guard let base = buffer.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= buffer.count {
            if mayHold(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) != 0 {
                for lane in index..<(index + 8) where isSpecial(buffer[lane]) { found(lane) }
            }
            index += 8
        }
        while index < buffer.count {
            if isSpecial(buffer[index]) { found(index) }
            index += 1
        }
    }
}
