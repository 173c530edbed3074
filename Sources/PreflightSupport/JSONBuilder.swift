import Foundation

/// Writes JSON directly in the canonical layout of the site's JSON files (sorted keys, no
/// whitespace: the bytes of `JSONEncoder.canonicalJSON`, a test holds them together), for types
/// that write their own keys in sorted order. Used for report.json, the largest file of every
/// run, and history.json. Hand-written for speed: for the 18 example reports (3.2 MB) it takes
/// 8–12 ms where JSONEncoder takes 100–130 ms, and 0.7–1.2 ms against 4–7 ms for the two
/// history.json files (release build, Linux, best of five).
package struct JSONBuilder {
    package private(set) var bytes: [UInt8] = []
    /// For each open container: whether it has no member yet.
    private var empty: [Bool] = []

    package init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    package mutating func beginObject() { open(UInt8(ascii: "{")) }
    package mutating func endObject() { close(UInt8(ascii: "}")) }
    package mutating func beginArray() { open(UInt8(ascii: "[")) }
    package mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts a member of the open object; the value follows.
    package mutating func key(_ name: StaticString) {
        member()
        bytes.append(0x22)
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(0x22)
        bytes.append(0x3A)
    }

    /// A key that is data (a map's key); keys of one map must be given in sorted order.
    package mutating func key(_ name: String) {
        member()
        string(name)
        bytes.append(0x3A)
    }

    /// A complete value in `JSONEncoder.canonicalJSON`'s bytes: for rare parts (a deployed run's
    /// phases), where JSONEncoder's speed does not matter.
    package mutating func encoded(_ value: some Encodable) {
        guard let data = try? JSONEncoder.canonicalJSON(value) else { return null() }
        bytes.append(contentsOf: data.dropLast())
    }

    /// Starts an element of the open array.
    package mutating func element() { member() }

    package mutating func string(_ value: String) { JSONText.appendString(value, to: &bytes) }

    package mutating func int(_ value: Int) {
        guard value >= 0 else { return bytes.append(contentsOf: String(value).utf8) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(48 + rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    package mutating func double(_ value: Double) { JSONText.appendDouble(value, to: &bytes) }

    package mutating func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }
    package mutating func null() { bytes.append(contentsOf: "null".utf8) }

    /// A sorted-key object of strings.
    package mutating func stringMap(_ map: [String: String]) {
        beginObject()
        for key in map.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            self.key(key)
            string(map[key] ?? "")
        }
        endObject()
    }

    package mutating func intMap(_ map: [String: Int]) {
        beginObject()
        for key in map.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            self.key(key)
            int(map[key] ?? 0)
        }
        endObject()
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        empty.append(true)
    }

    private mutating func close(_ bracket: UInt8) {
        empty.removeLast()
        bytes.append(bracket)
    }

    private mutating func member() {
        if empty[empty.count - 1] {
            empty[empty.count - 1] = false
        } else {
            bytes.append(0x2C)
        }
    }
}

/// How `JSONBuilder` writes strings and numbers: as Foundation's `JSONEncoder` writes them.
package enum JSONText {
    /// A quoted string: `"`, `\` and control characters escaped as Foundation escapes them.
    package static func appendString(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(0x22)
        var value = value
        value.withUTF8 { utf8 in
            // Copy runs of plain bytes at once; escape the rest one by one.
            var runStart = 0
            ByteScan.forEach(in: utf8, mayHold: { word in
                ByteScan.lanes(of: word, below: 0x20) | ByteScan.lanes(of: word, equalTo: 0x22) | ByteScan.lanes(of: word, equalTo: 0x5C)
            }, isSpecial: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }, found: { index in
                if index > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                escape(utf8[index], to: &bytes)
                runStart = index + 1
            })
            if utf8.count > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count])) }
        }
        bytes.append(0x22)
    }

    /// Swift's shortest form, without a trailing `.0`, as Foundation writes doubles.
    package static func appendDouble(_ value: Double, to bytes: inout [UInt8]) {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    private static func escape(_ byte: UInt8, to bytes: inout [UInt8]) {
        bytes.append(0x5C)
        switch byte {
        case 0x22: bytes.append(0x22)
        case 0x5C: bytes.append(0x5C)
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            let hex: StaticString = "0123456789abcdef"
            bytes.append(UInt8(ascii: "u"))
            bytes.append(0x30)
            bytes.append(0x30)
            bytes.append(hex.utf8Start[Int(byte >> 4)])
            bytes.append(hex.utf8Start[Int(byte & 0xF)])
        }
    }
}
