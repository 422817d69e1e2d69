#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A hash table keyed by byte strings, looked up without building a `String` or an array per
/// lookup: keys are copied once into an arena. Used for suppression-list keys and domain totals,
/// which a ledger's rows probe millions of times.
struct ByteKeyTable<Value> {
    /// One slot: the key's hash, where its bytes are in the arena, and its entry; probing reads
    /// only slots until a hash matches, so a lookup touches one cache line before the arena.
    private struct Slot {
        var hash: UInt64 = 0
        var start = 0
        var entry: Int32 = -1
        var length: Int32 = 0
    }

    private var slots: [Slot]
    private var keys: [(start: Int, length: Int)] = []
    private var arena: [UInt8] = []
    private(set) var values: [Value] = []
    private var mask: Int

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(), count: size)
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

    /// The slot holding `key`, or the empty slot where it would go.
    private func probe(_ key: UnsafeBufferPointer<UInt8>, _ hash: UInt64) -> Int {
        slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let candidate = slots[slot]
                    if candidate.entry < 0 { return slot }
                    if candidate.hash == hash && Int(candidate.length) == key.count
                        && (key.count == 0 || LedgerValues.bytesEqual(arena.baseAddress! + candidate.start, key.baseAddress!, key.count))
                    {
                        return slot
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// The index of `key`'s entry, or nil.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let entry = slots[probe(key, Self.hash(key))].entry
        return entry < 0 ? nil : Int(entry)
    }

    /// The index of `key`'s entry, inserting `make()` when it is new.
    mutating func findOrInsert(_ key: UnsafeBufferPointer<UInt8>, _ make: () -> Value) -> Int {
        let hash = Self.hash(key)
        let slot = probe(key, hash)
        if slots[slot].entry >= 0 { return Int(slots[slot].entry) }
        let index = values.count
        slots[slot] = Slot(hash: hash, start: arena.count, entry: Int32(index), length: Int32(key.count))
        keys.append((arena.count, key.count))
        arena.append(contentsOf: key)
        values.append(make())
        if values.count * 2 > slots.count { grow() }
        return index
    }

    mutating func update(_ index: Int, _ body: (inout Value) -> Void) { body(&values[index]) }

    /// The key of entry `index`, as a String.
    func key(_ index: Int) -> String {
        String(decoding: arena[keys[index].start..<keys[index].start + keys[index].length], as: UTF8.self)
    }

    private mutating func grow() {
        let old = slots.filter { $0.entry >= 0 }
        slots = [Slot](repeating: Slot(), count: slots.count * 2)
        mask = slots.count - 1
        for entry in old {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot].entry >= 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
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
