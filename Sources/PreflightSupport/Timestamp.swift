import Foundation

/// An ISO-8601 instant as written by a user, with its parsed value.
///
/// Kept as text for display and round-tripping; compared by `seconds` since 1970 (UTC).
package struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    package var text: String
    package var seconds: Double

    package init(seconds: Double) {
        self.seconds = seconds
        self.text = Timestamp.format(seconds)
    }

    /// Parses `2026-10-05`, `2026-10-05T09:30Z`, `2026-10-05T09:30:15.250+02:00`…; nil when invalid.
    package init?(_ text: String) {
        guard let seconds = Timestamp.parse(text) else { return nil }
        self.text = text
        self.seconds = seconds
    }

    package init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Timestamp(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO-8601 time: \(text)"))
        }
        self = value
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    package static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.seconds < rhs.seconds }
    package static func == (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.seconds == rhs.seconds }
    package func hash(into hasher: inout Hasher) { hasher.combine(seconds) }

    package var description: String { text }

    package var date: Date { Date(timeIntervalSince1970: seconds) }

    /// `2026-10-05T09:30:00Z`.
    package static func format(_ seconds: Double) -> String { text(seconds, display: false) }

    /// A short human form in UTC: `2026-10-05 09:30 UTC`.
    package var display: String { Timestamp.text(seconds, display: true) }

    /// Built by hand: String(format:) and slicing are slow, and pages show thousands of times.
    private static func text(_ seconds: Double, display: Bool) -> String {
        // Sums such as a result's `observed_at` + `valid_for` can leave the years 0000-9999 (or
        // Int's range): they print as the nearest end, never as a wrapped year or a trap.
        let clamped = seconds.isNaN ? 0 : min(max(seconds.rounded(.down), Self.earliest), Self.latest)
        let whole = Int(clamped)
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let secondOfDay = whole - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            var rest = abs(value)
            for _ in 0..<count {
                bytes.append(UInt8(48 + (rest / divisor) % 10))
                rest %= divisor
                divisor = max(1, divisor / 10)
            }
        }
        if year < 0 { bytes.append(45) }
        digits(year, 4)
        bytes.append(45)
        digits(month, 2)
        bytes.append(45)
        digits(day, 2)
        bytes.append(display ? 32 : 84)
        digits(secondOfDay / 3600, 2)
        bytes.append(58)
        digits(secondOfDay / 60 % 60, 2)
        if display {
            bytes.append(contentsOf: " UTC".utf8)
        } else {
            bytes.append(58)
            digits(secondOfDay % 60, 2)
            bytes.append(90)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the instants four-digit years can write.
    package static let earliest = -62_167_219_200.0
    package static let latest = 253_402_300_799.0

    /// The date part in UTC: `2026-10-05`.
    package var day: String { String(Timestamp.format(seconds).prefix(10)) }

    /// Seconds since 1970 for every form the README documents, nil otherwise. Hand-written because
    /// Foundation's `ISO8601DateFormatter` takes one fixed set of options per instance (date only,
    /// minutes without seconds and fractions each need another) and it is read for every result
    /// of every run; impossible dates such as 2026-02-30 are refused here, not rolled over.
    package static func parse(_ text: String) -> Double? {
        // An offset can move a time at either end of the years 0000-9999 out of them; it could not be written back.
        guard let seconds = parseAnyYear(text), seconds >= earliest, seconds < latest + 1 else { return nil }
        return seconds
    }

    private static func parseAnyYear(_ text: String) -> Double? {
        let b = Array(text.utf8)
        var i = 0
        func number(_ count: Int) -> Int? {
            guard i + count <= b.count else { return nil }
            var value = 0
            for _ in 0..<count {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                value = value * 10 + Int(b[i] - 48)
                i += 1
            }
            return value
        }
        func expect(_ character: UInt8) -> Bool {
            guard i < b.count, b[i] == character else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        var seconds = Double(days(fromCivil: year, month, day)) * 86_400
        if i == b.count { return seconds }
        guard expect(84) || expect(116) || expect(32),  // T, t or a space
            let hour = number(2), hour < 24, expect(58), let minute = number(2), minute < 60
        else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        if expect(58) {
            guard let second = number(2), second < 61 else { return nil }
            seconds += Double(second)
            if expect(46) || expect(44) {
                var scale = 0.1
                let start = i
                while i < b.count, b[i] >= 48, b[i] <= 57 {
                    seconds += Double(b[i] - 48) * scale
                    scale /= 10
                    i += 1
                }
                if i == start { return nil }
            }
        }
        if expect(90) || expect(122) { return i == b.count ? seconds : nil }  // Z
        guard i < b.count, b[i] == 43 || b[i] == 45 else { return nil }  // + or -
        let sign: Double = b[i] == 43 ? 1 : -1
        i += 1
        guard let offsetHours = number(2), offsetHours < 24 else { return nil }
        _ = expect(58)
        guard let offsetMinutes = number(2), offsetMinutes < 60, i == b.count else { return nil }
        return seconds - sign * Double(offsetHours * 3600 + offsetMinutes * 60)
    }

    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    package static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    package static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// An ISO-8601 duration such as `P30D`, `PT12H` or `P1Y2M`.
///
/// Years count 365 days and months 30 days: validity windows need a fixed length, not a calendar.
package struct ISODuration: Sendable, Hashable, Codable, CustomStringConvertible {
    package var text: String
    package var seconds: Double

    package init?(_ text: String) {
        let upper = text.uppercased()
        guard upper.hasPrefix("P"), upper.count > 1 else { return nil }
        var total = 0.0
        var inTime = false
        var number = ""
        var sawUnit = false
        for character in upper.dropFirst() {
            if character == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
                continue
            }
            if character.isNumber || character == "." || character == "," {
                number.append(character == "," ? "." : character)
                continue
            }
            guard let value = Double(number) else { return nil }
            number = ""
            sawUnit = true
            switch (character, inTime) {
            case ("Y", false): total += value * 365 * 86_400
            case ("M", false): total += value * 30 * 86_400
            case ("W", false): total += value * 7 * 86_400
            case ("D", false): total += value * 86_400
            case ("H", true): total += value * 3600
            case ("M", true): total += value * 60
            case ("S", true): total += value
            default: return nil
            }
        }
        // Hundreds of digits make an infinite number of seconds.
        guard number.isEmpty, sawUnit, total.isFinite else { return nil }
        self.text = text
        self.seconds = total
    }

    package init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = ISODuration(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO-8601 duration: \(text)"))
        }
        self = value
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    package var description: String { text }
}
