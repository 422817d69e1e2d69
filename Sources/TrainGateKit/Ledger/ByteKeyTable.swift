/// A hash table keyed by byte strings, looked up without building a `String` or an array per
/// lookup: keys are copied once into an arena. Used for suppression-list keys and domain totals,
/// which a ledger's rows probe millions of times.
struct ByteKeyTable<Value> {
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var keyStarts: [Int] = []
    private var keyEnds: [Int] = []
    private var arena: [UInt8] = []
    private(set) var values: [Value] = []
    private var mask: Int

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { values.count }

    /// A 64-bit hash of `key`, eight bytes at a time (multiply and fold).
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        var index = 0
        guard let base = key.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        while index + 8 <= key.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < key.count {
            tail |= UInt64(base[index]) << shift
            shift += 8
            index += 1
        }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 29)
    }

    private func matches(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = keyStarts[index]
        guard keyEnds[index] - start == key.count else { return false }
        return arena.withUnsafeBufferPointer { LedgerValues.memcmpEqual(UnsafeBufferPointer(rebasing: $0[start..<start + key.count]), key) }
    }

    /// The index of `key`'s entry, or nil.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(key)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { return nil }
            if hashes[Int(entry)] == hash && matches(Int(entry), key) { return Int(entry) }
            slot = (slot + 1) & mask
        }
    }

    /// The index of `key`'s entry, inserting `make()` when it is new.
    mutating func findOrInsert(_ key: UnsafeBufferPointer<UInt8>, _ make: () -> Value) -> Int {
        let hash = Self.hash(key)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { break }
            if hashes[Int(entry)] == hash && matches(Int(entry), key) { return Int(entry) }
            slot = (slot + 1) & mask
        }
        let index = values.count
        slots[slot] = Int32(index)
        hashes.append(hash)
        keyStarts.append(arena.count)
        arena.append(contentsOf: key)
        keyEnds.append(arena.count)
        values.append(make())
        if values.count * 2 > slots.count { grow() }
        return index
    }

    mutating func update(_ index: Int, _ body: (inout Value) -> Void) { body(&values[index]) }

    /// The key of entry `index`, as a String.
    func key(_ index: Int) -> String {
        String(decoding: arena[keyStarts[index]..<keyEnds[index]], as: UTF8.self)
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}

/// A set of digest prefixes, open-addressed on the prefix's own (already uniform) bits: the
/// failing digests REC-DUPLICATE looks every row up in.
struct PrefixSet {
    private var slots: [DigestPrefix]
    private var used: [Bool]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [DigestPrefix](repeating: DigestPrefix(a: 0, b: 0), count: size)
        used = [Bool](repeating: false, count: size)
        mask = size - 1
    }

    var isEmpty: Bool { count == 0 }

    mutating func insert(_ prefix: DigestPrefix) {
        var slot = Int(truncatingIfNeeded: prefix.a) & mask
        while used[slot] {
            if slots[slot] == prefix { return }
            slot = (slot + 1) & mask
        }
        slots[slot] = prefix
        used[slot] = true
        count += 1
        if count * 2 > slots.count { grow() }
    }

    func contains(_ prefix: DigestPrefix) -> Bool {
        var slot = Int(truncatingIfNeeded: prefix.a) & mask
        while used[slot] {
            if slots[slot] == prefix { return true }
            slot = (slot + 1) & mask
        }
        return false
    }

    private mutating func grow() {
        let old = zip(slots, used).filter(\.1).map(\.0)
        self = PrefixSet(capacity: slots.count)
        for prefix in old { insert(prefix) }
    }
}
