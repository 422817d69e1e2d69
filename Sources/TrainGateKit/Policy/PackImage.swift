import Dispatch

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The built-in packs compiled at build time: every pack parsed and validated by the same
/// parser as a pack file, then written as a compact image that a check reads back without
/// parsing YAML. Rules keep their source locations (for findings and `explain`); a pack a run
/// does not select is skipped unread, and a rule's worked examples are read only when something
/// asks for them (`packs test`, `explain`).
///
/// The image is text, so it can sit in a Swift string literal: integers are written five bits
/// to a printable ASCII byte, strings as their length then their UTF-8 bytes (or hex digits for
/// text a literal could not hold unchanged: control characters other than tab and newline).
/// Each pack records the FNV-1a hash of the YAML text it was compiled from; an image whose
/// hashes do not match the embedded packs is not used.
public enum PackImage {
    static let magic = "TGPACKS1"

    /// A pack in an image: what selection needs, and where its body is.
    struct Entry: Sendable {
        let file: String
        let name: String
        let optIn: Bool
        let hash: UInt64
        let body: Range<Int>
    }

    /// Why an image cannot be read.
    public struct Malformed: Error, CustomStringConvertible, Sendable {
        public let offset: Int
        public let reason: String
        public var description: String { "compiled pack image: \(reason) at byte \(offset)" }
    }

    /// Compiles parsed packs (with the hash of each one's text) into an image.
    public static func compile(_ packs: [(pack: PolicyPack, textHash: UInt64)]) -> String {
        var out = ImageWriter()
        out.bytes += magic.utf8
        out.int(packs.count)
        for (pack, hash) in packs {
            out.rawString(pack.file)
            out.rawString(pack.name)
            out.bool(pack.optIn)
            out.uint(hash)
            var body = ImageWriter()
            body.strings = [:]
            body.pack(pack)
            // The pack's strings once each, in first-use order; the body refers to them by number.
            var framed = ImageWriter()
            framed.list(body.stringOrder) { $0.rawString($1) }
            framed.bytes += body.bytes
            out.int(framed.bytes.count)
            out.bytes += framed.bytes
        }
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// Reads every pack of an image and every rule's examples: what a build checks before it
    /// embeds an image.
    public static func verify(_ image: String) throws(Malformed) {
        let loaded = try Loaded(image)
        // Read without deferring: every rule's examples are read now.
        for entry in loaded.entries { _ = try loaded.pack(entry, deferringExamples: false) }
    }

    /// FNV-1a (64-bit) of a pack's text: cheap, stable across runs and machines.
    public static func textHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// A loaded image: its bytes and the table of its packs.
    final class Loaded: Sendable {
        /// The image's bytes: a compiled-in literal's own (static, never copied), or a copy this
        /// object owns and frees.
        nonisolated(unsafe) let bytes: UnsafeBufferPointer<UInt8>
        private let owned: Bool
        let entries: [Entry]
        private let prefetched = Prefetched()

        /// An image built into the program: read in place, so starting up copies none of it.
        convenience init(_ image: StaticString) throws(Malformed) {
            guard image.hasPointerRepresentation else { throw Malformed(offset: 0, reason: "no image header") }
            try self.init(UnsafeBufferPointer(start: image.utf8Start, count: image.utf8CodeUnitCount), owned: false)
        }

        /// An image made at run time (the pack compiler's check, tests): copied.
        convenience init(_ image: String) throws(Malformed) {
            let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: image.utf8.count)
            _ = copy.initialize(from: image.utf8)
            try self.init(UnsafeBufferPointer(copy), owned: true)
        }

        private init(_ bytes: UnsafeBufferPointer<UInt8>, owned: Bool) throws(Malformed) {
            self.bytes = bytes
            self.owned = owned
            do throws(Malformed) {
                entries = try Self.table(bytes)
            } catch {
                if owned { bytes.deallocate() }
                throw error
            }
        }

        deinit {
            if owned { bytes.deallocate() }
        }

        /// The table of packs at the start of `bytes`.
        private static func table(_ bytes: UnsafeBufferPointer<UInt8>) throws(Malformed) -> [Entry] {
            var reader = ImageReader(bytes, at: 0, end: bytes.count)
            guard bytes.starts(with: magic.utf8) else { throw Malformed(offset: 0, reason: "no image header") }
            reader.offset = magic.utf8.count
            var entries: [Entry] = []
            for _ in 0..<(try reader.count()) {
                let file = try reader.rawString()
                let name = try reader.rawString()
                let optIn = try reader.bool()
                let hash = try reader.uint()
                let length = try reader.count()
                guard length <= reader.end - reader.offset else {
                    throw Malformed(offset: reader.offset, reason: "a pack runs past the end")
                }
                entries.append(Entry(file: file, name: name, optIn: optIn, hash: hash, body: reader.offset..<reader.offset + length))
                reader.offset += length
            }
            guard reader.offset == bytes.count else { throw Malformed(offset: reader.offset, reason: "bytes after the last pack") }
            return entries
        }

        /// Starts reading the packs `wanted` accepts on another thread (while the program does
        /// other start-up work); `pack(at:)` takes a pack read ahead, waits for one being read,
        /// and reads one not yet started itself, so the two threads share the work.
        func prefetch(_ wanted: (Entry) -> Bool) {
            guard prefetched.start(entries.indices.filter { wanted(entries[$0]) }) else { return }
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                while let index = prefetched.next() {
                    let entry = entries[index]
                    prefetched.store(Result { () throws(Malformed) in try pack(entry) }, at: index)
                }
            }
        }

        /// The pack at `index` of `entries`.
        func pack(at index: Int) throws(Malformed) -> PolicyPack {
            if let result = prefetched.claim(index) { return try result.get() }
            let result = Result { () throws(Malformed) in try pack(entries[index]) }
            prefetched.store(result, at: index)
            return try result.get()
        }

        /// Reads the pack `entry` describes, its rules' examples left to be read on first use
        /// unless `deferringExamples` is false.
        func pack(_ entry: Entry, deferringExamples: Bool = true) throws(Malformed) -> PolicyPack {
            var reader = ImageReader(bytes, at: entry.body.lowerBound, end: entry.body.upperBound)
            reader.fileID = SourcePaths.id(for: entry.file)
            reader.image = deferringExamples ? self : nil
            try reader.readTable()
            let pack = try reader.pack(file: entry.file, name: entry.name, optIn: entry.optIn)
            guard reader.offset == entry.body.upperBound else {
                throw Malformed(offset: reader.offset, reason: "bytes after a pack's rules")
            }
            return pack
        }

    }
}

/// Packs read ahead: a queue two threads take from, and the packs read so far.
private final class Prefetched: @unchecked Sendable {
    private let condition = ConditionLock()
    private var queued: [Int] = []
    private var running: Set<Int> = []
    private var done: [Int: Result<PolicyPack, PackImage.Malformed>] = [:]
    private var started = false

    /// Queues `indices`; false if a prefetch already started.
    func start(_ indices: [Int]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !started else { return false }
        started = true
        queued = indices
        return true
    }

    /// The next queued pack for the reading thread, now running; nil when none is left. It takes
    /// them from the back while the program asks for them from the front, so the two threads
    /// read different packs.
    func next() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        guard !queued.isEmpty else { return nil }
        let index = queued.removeLast()
        running.insert(index)
        return index
    }

    func store(_ result: Result<PolicyPack, PackImage.Malformed>, at index: Int) {
        condition.lock()
        done[index] = result
        running.remove(index)
        condition.broadcast()
        condition.unlock()
    }

    /// The pack at `index` if it is read (waiting while another thread reads it); nil when the
    /// caller is to read it (it is then taken off the queue).
    func claim(_ index: Int) -> Result<PolicyPack, PackImage.Malformed>? {
        condition.lock()
        defer { condition.unlock() }
        while running.contains(index) { condition.wait() }
        if let result = done[index] { return result }
        queued.removeAll { $0 == index }
        return nil
    }
}

/// Writes the image's tokens.
struct ImageWriter {
    var bytes: [UInt8] = []

    /// Five bits a byte, least significant first: `0`…`O` continue, `P`…`o` end the number.
    mutating func uint(_ value: UInt64) {
        var value = value
        while value >= 32 {
            bytes.append(0x30 + UInt8(value & 31))
            value >>= 5
        }
        bytes.append(0x50 + UInt8(value))
    }

    /// Zigzag, so small negative numbers stay short.
    mutating func int(_ value: Int) { uint(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))) }

    mutating func bool(_ value: Bool) { uint(value ? 1 : 0) }

    /// Inside a pack: each distinct string's number in the pack's string table.
    var strings: [String: Int]?
    var stringOrder: [String] = []

    /// A string: its number in the pack's table inside a pack, else the string itself.
    mutating func string(_ text: String) {
        guard var table = strings else { return rawString(text) }
        if let number = table[text] { return int(number) }
        table[text] = stringOrder.count
        strings = table
        int(stringOrder.count)
        stringOrder.append(text)
    }

    mutating func rawString(_ text: String) {
        let utf8 = Array(text.utf8)
        // Control characters other than tab and newline cannot sit unchanged in the Swift literal.
        let hex = utf8.contains { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A) || $0 == 0x7F }
        uint(UInt64(utf8.count) << 1 | (hex ? 1 : 0))
        if hex {
            for byte in utf8 { bytes.appendHex(byte) }
        } else {
            bytes += utf8
        }
    }

    mutating func optional<T>(_ value: T?, _ write: (inout ImageWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func list<T>(_ items: [T], _ write: (inout ImageWriter, T) -> Void) {
        int(items.count)
        for item in items { write(&self, item) }
    }

    mutating func location(_ location: SourceLocation) {
        int(location.line)
        int(location.column)
    }

    mutating func date(_ date: ISODate) {
        int(date.year)
        optional(date.month) { $0.int($1) }
        optional(date.day) { $0.int($1) }
    }

    mutating func pack(_ pack: PolicyPack) {
        string(pack.title)
        string(pack.version)
        string(pack.jurisdiction)
        date(pack.sourcesAsOf)
        optional(pack.description) { $0.string($1) }
        list(pack.rules) { $0.rule($1) }
    }

    mutating func rule(_ rule: Rule) {
        string(rule.id)
        string(rule.title)
        int(Severity.allCases.firstIndex(of: rule.severity)!)
        int(RuleScope.allCases.firstIndex(of: rule.scope)!)
        optional(rule.effective) { $0.date($1) }
        list(rule.transitional) { out, transition in
            out.condition(transition.when)
            out.date(transition.effective)
            out.string(transition.ref)
        }
        list(rule.citations) { out, citation in
            out.string(citation.instrument)
            out.string(citation.ref)
            out.optional(citation.url) { $0.string($1) }
        }
        optional(rule.when) { $0.condition($1) }
        condition(rule.require)
        string(rule.message.source)
        list(rule.message.parts) { out, part in
            switch part {
            case .text(let text):
                out.int(0)
                out.string(text)
            case .field(let path):
                out.int(1)
                out.path(path)
            }
        }
        string(rule.remediation)
        optional(rule.description) { $0.string($1) }
        optional(rule.confidence) { $0.int(Confidence.allCases.firstIndex(of: $1)!) }
        location(rule.location)
        optional(rule.builtin) { $0.int(RecordBuiltin.allCases.firstIndex(of: $1)!) }
        switch rule.tolerance {
        case nil: int(0)
        case .maxCount(let count)?:
            int(1)
            int(count)
        case .maxShare(let share)?:
            int(2)
            uint(share.bitPattern)
        }
        list(rule.breakdown) { $0.string($1.name) }
        // The examples last, behind their length, so a check can step over them.
        var examples = ImageWriter()
        (examples.strings, examples.stringOrder) = (strings, stringOrder)
        examples.list(rule.examples.pass) { $0.node($1) }
        examples.list(rule.examples.fail) { $0.node($1) }
        (strings, stringOrder) = (examples.strings, examples.stringOrder)
        int(examples.bytes.count)
        bytes += examples.bytes
    }

    mutating func path(_ path: FieldPath) {
        string(path.description)
        string(path.root.rawValue)
        list(path.segments) { out, segment in
            out.optional(segment.key) { $0.string($1) }
            out.bool(segment.all)
        }
    }

    mutating func condition(_ condition: Condition) {
        switch condition {
        case .leaf(let leaf):
            int(0)
            path(leaf.path)
            string(leaf.op.name)
            operand(leaf.operand)
            location(leaf.location)
        case .all(let parts, let at), .any(let parts, let at):
            if case .all = condition { int(1) } else { int(2) }
            list(parts) { $0.condition($1) }
            location(at)
        case .not(let inner, let at):
            int(3)
            self.condition(inner)
            location(at)
        case .each(let over, let body, let at), .some(let over, let body, let at), .none(let over, let body, let at):
            switch condition {
            case .each: int(4)
            case .some: int(5)
            default: int(6)
            }
            path(over)
            self.condition(body)
            location(at)
        case .count(let over, let filter, let min, let max, let at):
            int(7)
            path(over)
            optional(filter) { $0.condition($1) }
            optional(min) { $0.int($1) }
            optional(max) { $0.int($1) }
            location(at)
        }
    }

    mutating func operand(_ operand: Operand) {
        switch operand {
        case .literal(let node):
            int(0)
            self.node(node)
        case .path(let path):
            int(1)
            self.path(path)
        case .today: int(2)
        case .pattern(let pattern):
            int(3)
            string(pattern.source)
        case .window(let window):
            int(4)
            self.operand(window.from)
            optional(window.min) { $0.int($1) }
            optional(window.max) { $0.int($1) }
        }
    }

    mutating func node(_ node: Node) {
        switch node.content {
        case .scalar(let scalar):
            int(0)
            string(scalar.text)
            string(scalar.style.rawValue)
            optional(scalar.tag) { $0.string($1.rawValue) }
        case .sequence(let items):
            int(1)
            list(items) { $0.node($1) }
        case .mapping(let entries):
            int(2)
            list(entries) { out, entry in
                out.string(entry.key)
                out.location(entry.keyLocation)
                out.node(entry.value)
            }
        }
        location(node.location)
    }
}

/// Reads the image's tokens; every read is bounds-checked, so a damaged image is an error.
struct ImageReader {
    /// The image's bytes; whoever makes a reader keeps the image they belong to alive.
    let bytes: UnsafeBufferPointer<UInt8>
    var offset: Int
    let end: Int
    var fileID: UInt32 = 0
    var image: PackImage.Loaded?
    /// How deep conditions, operands and nodes are nested here; bounded like a loaded document's.
    private var depth = 0
    private static let maxDepth = LoadLimits.standard.maxDepth

    private mutating func nested<T>(_ read: (inout ImageReader) throws(PackImage.Malformed) -> T) throws(PackImage.Malformed) -> T {
        guard depth < Self.maxDepth else { throw malformed("nesting deeper than \(Self.maxDepth)") }
        depth += 1
        defer { depth -= 1 }
        return try read(&self)
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, end: Int) {
        // Every read checks against `end`, so `end` must lie within the bytes.
        precondition(0 <= offset && offset <= end && end <= bytes.count, "an image reader past its bytes")
        self.bytes = bytes
        self.offset = offset
        self.end = end
    }

    private func malformed(_ reason: String) -> PackImage.Malformed { PackImage.Malformed(offset: offset, reason: reason) }

    mutating func uint() throws(PackImage.Malformed) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < end, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            // The thirteenth group holds the top four bits: it must end the number and fit them.
            if shift == 60 && !(0x50..<0x60).contains(byte) { throw malformed("a number longer than 64 bits") }
            switch byte {
            case 0x30..<0x50: value |= UInt64(byte - 0x30) << shift
            case 0x50..<0x70: return value | UInt64(byte - 0x50) << shift
            default: throw malformed("a number holds byte \(byte)")
            }
            shift += 5
        }
        throw malformed("a number runs past the end")
    }

    mutating func int() throws(PackImage.Malformed) -> Int {
        let raw = try uint()
        return Int(Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
    }

    /// A count of items that follow: not negative, and not more than the bytes left.
    mutating func count() throws(PackImage.Malformed) -> Int {
        let value = try int()
        guard value >= 0, value <= end - offset else { throw malformed("a count of \(value)") }
        return value
    }

    mutating func bool() throws(PackImage.Malformed) -> Bool {
        switch try uint() {
        case 0: return false
        case 1: return true
        default: throw malformed("a flag that is neither 0 nor 1")
        }
    }

    /// The pack's string table, once read.
    var table: [String] = []

    mutating func string() throws(PackImage.Malformed) -> String {
        let number = try int()
        guard table.indices.contains(number) else { throw malformed("string \(number) of a table of \(table.count)") }
        return table[number]
    }

    mutating func readTable() throws(PackImage.Malformed) {
        table = try list { (r: inout ImageReader) throws(PackImage.Malformed) in try r.rawString() }
    }

    mutating func rawString() throws(PackImage.Malformed) -> String {
        let header = try uint()
        let hex = header & 1 == 1
        guard header >> 1 <= UInt64(end - offset) else { throw malformed("a string runs past the end") }
        let length = Int(header >> 1)
        if !hex {
            defer { offset += length }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
        }
        guard length * 2 <= end - offset else { throw malformed("a string runs past the end") }
        var decoded: [UInt8] = []
        for index in 0..<length {
            guard let high = Self.hexValue(bytes[offset + 2 * index]), let low = Self.hexValue(bytes[offset + 2 * index + 1]) else {
                throw malformed("a hex string holds a byte that is not a hex digit")
            }
            decoded.append(high << 4 | low)
        }
        offset += length * 2
        return String(decoding: decoded, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    mutating func optional<T>(_ read: (inout ImageReader) throws(PackImage.Malformed) -> T) throws(PackImage.Malformed) -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func list<T>(_ read: (inout ImageReader) throws(PackImage.Malformed) -> T) throws(PackImage.Malformed) -> [T] {
        let count = try count()
        var items: [T] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try read(&self)) }
        return items
    }

    mutating func choice<T: CaseIterable>(_: T.Type) throws(PackImage.Malformed) -> T {
        let index = try int()
        let cases = Array(T.allCases)
        guard cases.indices.contains(index) else { throw malformed("choice \(index) of \(T.self)") }
        return cases[index]
    }

    mutating func location() throws(PackImage.Malformed) -> SourceLocation {
        SourceLocation(fileID: fileID, line: try int(), column: try int())
    }

    mutating func date() throws(PackImage.Malformed) -> ISODate {
        let year = try int()
        let month = try optional { (r: inout ImageReader) throws(PackImage.Malformed) in try r.int() }
        let day = try optional { (r: inout ImageReader) throws(PackImage.Malformed) in try r.int() }
        guard let date = ISODate(year: year, month: month, day: day) else { throw malformed("an invalid date") }
        return date
    }

    mutating func pack(file: String, name: String, optIn: Bool) throws(PackImage.Malformed) -> PolicyPack {
        let title = try string()
        let version = try string()
        let jurisdiction = try string()
        let asOf = try date()
        let description = try optional { (r: inout ImageReader) throws(PackImage.Malformed) in try r.string() }
        let rules = try list { (r: inout ImageReader) throws(PackImage.Malformed) in try r.rule(pack: name) }
        return PolicyPack(
            name: name, title: title, version: version, jurisdiction: jurisdiction, sourcesAsOf: asOf, optIn: optIn,
            description: description, rules: rules, file: file)
    }

    mutating func rule(pack: String) throws(PackImage.Malformed) -> Rule {
        let id = try string()
        let title = try string()
        let severity = try choice(Severity.self)
        let scope = try choice(RuleScope.self)
        let effective = try optional { (r: inout ImageReader) throws(PackImage.Malformed) in try r.date() }
        let transitional = try list { (r: inout ImageReader) throws(PackImage.Malformed) in
            Transition(when: try r.condition(), effective: try r.date(), ref: try r.string())
        }
        let citations = try list { (r: inout ImageReader) throws(PackImage.Malformed) in
            Citation(
                instrument: try r.string(), ref: try r.string(),
                url: try r.optional { (r: inout ImageReader) throws(PackImage.Malformed) in try r.string() })
        }
        let when = try optional { (r: inout ImageReader) throws(PackImage.Malformed) in try r.condition() }
        let require = try condition()
        let source = try string()
        let parts = try list { (r: inout ImageReader) throws(PackImage.Malformed) -> MessageTemplate.Part in
            switch try r.int() {
            case 0: return .text(try r.string())
            case 1: return .field(try r.path())
            default: throw r.malformed("a message part")
            }
        }
        let remediation = try string()
        let description = try optional { (r: inout ImageReader) throws(PackImage.Malformed) in try r.string() }
        let confidence = try optional { (r: inout ImageReader) throws(PackImage.Malformed) in try r.choice(Confidence.self) }
        let location = try location()
        var rule = Rule(
            id: id, title: title, severity: severity, scope: scope, effective: effective, transitional: transitional,
            citations: citations, when: when, require: require, message: MessageTemplate(parts: parts, source: source),
            remediation: remediation, description: description, confidence: confidence, location: location, pack: pack)
        rule.builtin = try optional { (r: inout ImageReader) throws(PackImage.Malformed) in try r.choice(RecordBuiltin.self) }
        switch try int() {
        case 0: break
        case 1: rule.tolerance = .maxCount(try int())
        case 2: rule.tolerance = .maxShare(Double(bitPattern: try uint()))
        default: throw malformed("a tolerance")
        }
        rule.breakdown = try list { (r: inout ImageReader) throws(PackImage.Malformed) in
            let name = try r.string()
            guard let field = LedgerField.named(name) else { throw r.malformed("ledger field '\(name)'") }
            return field
        }
        let length = try count()
        if let image {
            rule.deferExamples(image, offset..<offset + length, fileID: fileID, strings: table)
        } else {
            rule.examples = try PackImage.examples(bytes, offset..<offset + length, fileID: fileID, strings: table)
        }
        offset += length
        return rule
    }

    mutating func path() throws(PackImage.Malformed) -> FieldPath {
        let description = try string()
        let rootName = try string()
        guard let root = FieldPath.Root(rawValue: rootName) else { throw malformed("path root '\(rootName)'") }
        let segments = try list { (r: inout ImageReader) throws(PackImage.Malformed) in
            FieldPath.Segment(
                key: try r.optional { (r: inout ImageReader) throws(PackImage.Malformed) in try r.string() }, all: try r.bool())
        }
        return FieldPath(root: root, segments: segments, description: description)
    }

    mutating func condition() throws(PackImage.Malformed) -> Condition {
        try nested { (r: inout ImageReader) throws(PackImage.Malformed) in try r.conditionBody() }
    }

    private mutating func conditionBody() throws(PackImage.Malformed) -> Condition {
        let tag = try int()
        switch tag {
        case 0:
            let path = try path()
            let name = try string()
            guard let op = LeafOperator.named(name) else { throw malformed("operator '\(name)'") }
            return .leaf(Leaf(path: path, op: op, operand: try operand(), location: try location()))
        case 1, 2:
            let parts = try list { (r: inout ImageReader) throws(PackImage.Malformed) in try r.condition() }
            return tag == 1 ? .all(parts, try location()) : .any(parts, try location())
        case 3: return .not(try condition(), try location())
        case 4, 5, 6:
            let over = try path()
            let body = try condition()
            let at = try location()
            return tag == 4 ? .each(over, body, at) : tag == 5 ? .some(over, body, at) : .none(over, body, at)
        case 7:
            let over = try path()
            let filter = try optional { (r: inout ImageReader) throws(PackImage.Malformed) in try r.condition() }
            let min = try optional { (r: inout ImageReader) throws(PackImage.Malformed) in try r.int() }
            let max = try optional { (r: inout ImageReader) throws(PackImage.Malformed) in try r.int() }
            return .count(over, filter, min: min, max: max, try location())
        default: throw malformed("condition \(tag)")
        }
    }

    mutating func operand() throws(PackImage.Malformed) -> Operand {
        try nested { (r: inout ImageReader) throws(PackImage.Malformed) in try r.operandBody() }
    }

    private mutating func operandBody() throws(PackImage.Malformed) -> Operand {
        switch try int() {
        case 0: return .literal(try node())
        case 1: return .path(try path())
        case 2: return .today
        case 3: return .pattern(CompiledPattern(deferring: try string()))
        case 4:
            let from = try operand()
            let min = try optional { (r: inout ImageReader) throws(PackImage.Malformed) in try r.int() }
            let max = try optional { (r: inout ImageReader) throws(PackImage.Malformed) in try r.int() }
            return .window(DayWindow(from: from, min: min, max: max))
        default: throw malformed("an operand")
        }
    }

    mutating func node() throws(PackImage.Malformed) -> Node {
        try nested { (r: inout ImageReader) throws(PackImage.Malformed) in try r.nodeBody() }
    }

    private mutating func nodeBody() throws(PackImage.Malformed) -> Node {
        let content: Node.Content
        switch try int() {
        case 0:
            let text = try string()
            let styleName = try string()
            guard let style = ScalarStyle(rawValue: styleName) else { throw malformed("scalar style '\(styleName)'") }
            let tag = try optional { (r: inout ImageReader) throws(PackImage.Malformed) -> CoreTag in
                let name = try r.string()
                guard let tag = CoreTag(rawValue: name) else { throw r.malformed("tag '\(name)'") }
                return tag
            }
            content = .scalar(Scalar(text, style: style, tag: tag))
        case 1: content = .sequence(try list { (r: inout ImageReader) throws(PackImage.Malformed) in try r.node() })
        case 2:
            content = .mapping(
                try list { (r: inout ImageReader) throws(PackImage.Malformed) in
                    MappingEntry(key: try r.string(), keyLocation: try r.location(), value: try r.node())
                })
        default: throw malformed("a node")
        }
        return Node(content, at: try location())
    }
}

extension PackImage {
    /// Reads a rule's examples, at `range` of an image's bytes.
    static func examples(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, fileID: UInt32, strings: [String]) throws(PackImage
        .Malformed)
        -> RuleExamples
    {
        var reader = ImageReader(bytes, at: range.lowerBound, end: range.upperBound)
        reader.fileID = fileID
        reader.table = strings
        let pass = try reader.list { (r: inout ImageReader) throws(PackImage.Malformed) in try r.node() }
        let fail = try reader.list { (r: inout ImageReader) throws(PackImage.Malformed) in try r.node() }
        return RuleExamples(pass: pass, fail: fail)
    }
}
