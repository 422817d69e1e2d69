/// A calendar date at year, month or day precision: ISO 8601 `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
///
/// Dates in TrainGate files stay strings at load time (YAML 1.1 timestamps are not a core-schema
/// type); `Node.date()` parses them on demand. A partial date stands for its whole period:
/// `lowerBound` is its first day and `upperBound` its last, which comparisons of "not earlier
/// than" and "before" use explicitly.
public struct ISODate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The year, 0001–9999.
    public var year: Int
    /// The month, 1–12, when given.
    public var month: Int?
    /// The day of the month, when given (requires `month`).
    public var day: Int?

    /// Creates a date; returns nil for a month or day out of range, or a day without a month.
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            guard let month, (1...ISODate.daysIn(month: month, year: year)).contains(day) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; anything else (times, week dates, `2025/01/01`)
    /// is nil.
    public init?(parsing text: String) {
        // One pass over the bytes (rules compare dates on every subject): up to three parts
        // separated by "-", of exactly 4, 2 and 2 ASCII digits.
        var year = 0
        var month = 0
        var parts = 0
        var digits = 0
        var value = 0
        for byte in text.utf8 {
            let width = parts == 0 ? 4 : 2
            if byte == UInt8(ascii: "-") {
                guard digits == width, parts < 2 else { return nil }
                if parts == 0 { year = value } else { month = value }
                parts += 1
                digits = 0
                value = 0
            } else {
                guard byte >= 0x30 && byte <= 0x39, digits < width else { return nil }
                digits += 1
                value = value * 10 + Int(byte - 0x30)
            }
        }
        guard digits == (parts == 0 ? 4 : 2) else { return nil }
        switch parts {
        case 0: self.init(year: value)
        case 1: self.init(year: year, month: value)
        default: self.init(year: year, month: month, day: value)
        }
    }

    /// The first day of the period the date names.
    public var lowerBound: ISODate {
        ISODate(year: year, month: month ?? 1, day: day ?? 1)!
    }

    /// The last day of the period the date names.
    public var upperBound: ISODate {
        let m = month ?? 12
        return ISODate(year: year, month: m, day: day ?? ISODate.daysIn(month: m, year: year))!
    }

    /// The date as written: `2025`, `2025-06` or `2025-06-30`.
    public var description: String {
        var text = String(year).leftPadded(to: 4)
        if let month { text += "-" + String(month).leftPadded(to: 2) }
        if let day { text += "-" + String(day).leftPadded(to: 2) }
        return text
    }

    /// Whether this period begins after `other`'s ends: certainly later, whatever days the two
    /// name (`2025-09` is after `2025-08-31`; `2025` is not).
    public func isAfter(_ other: ISODate) -> Bool { lowerBound > other.upperBound }

    /// Whether this period ends before `other`'s begins.
    public func isBefore(_ other: ISODate) -> Bool { upperBound < other.lowerBound }

    /// Orders by first day, then coarser precision first (`2025` < `2025-01` < `2025-01-01`).
    public static func < (lhs: ISODate, rhs: ISODate) -> Bool {
        let l = lhs.lowerBound
        let r = rhs.lowerBound
        if (l.year, l.month!, l.day!) != (r.year, r.month!, r.day!) {
            return (l.year, l.month!, l.day!) < (r.year, r.month!, r.day!)
        }
        return lhs.precision < rhs.precision
    }

    /// Days from 1970-01-01 to the first day of the period (negative before it).
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil, on the proleptic Gregorian calendar.
        let d = lowerBound
        let m = d.month!
        let y = d.year - (m <= 2 ? 1 : 0)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d.day! - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    private var precision: Int { day != nil ? 3 : month != nil ? 2 : 1 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension ISODate {
    /// Encodes as written (`"2026-12-31"`), as every date in TrainGate's reports is.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = ISODate(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not an ISO 8601 date")
        }
        self = date
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
