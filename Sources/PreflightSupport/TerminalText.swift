/// Text for a terminal: control characters shown, never obeyed.
///
/// Names, summaries and paths come from probe files and checklists, and an ESC or OSC sequence
/// in one would recolour the terminal, move the cursor or set the window title when printed. A
/// carriage return could overwrite a line already shown, and bidirectional overrides could
/// reorder what a reader sees. Each becomes a visible escape such as `\x1B` or `\u{202E}`.
package enum TerminalText {
    package static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x09: out.append(scalar)
            case 0..<0x20, 0x7F...0x9F: out.append(contentsOf: "\\x\(hex(scalar.value, digits: 2))".unicodeScalars)
            case 0x202A...0x202E, 0x2066...0x2069: out.append(contentsOf: "\\u{\(hex(scalar.value, digits: 4))}".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
