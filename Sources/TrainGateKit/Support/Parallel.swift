import Dispatch

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Maps over a collection on every core, keeping the input's order in the result. Used where
/// each item is independent and pure (loading one file, checking one bundle), so the output is
/// the same as a sequential map's.
enum Parallel {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        if items.count < 2 { return items.map(transform) }
        let results = ResultSlots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.store(transform(items[index]), at: index)
        }
        return results.collect()
    }
}

extension Parallel {
    /// Renders `items` in pieces on every core and hands each piece's bytes to `emit` in the
    /// items' order, on the calling thread, while later pieces are rendered. At most two
    /// pieces per core are rendered or waiting at a time, so memory stays bounded by the
    /// pieces, not the items; a piece no worker has started when its turn comes is rendered by
    /// the caller, so no call waits on the thread pool. `render` is given a slice of `items` (with its indices).
    static func inPieces<T: Sendable>(
        _ items: [T], piece: Int = 1024, render: @escaping @Sendable (ArraySlice<T>) -> [UInt8], emit: ([UInt8]) -> Void
    ) {
        let starts = Array(stride(from: 0, to: items.count, by: piece))
        guard starts.count > 1 else {
            for start in starts { emit(render(items[start..<min(start + piece, items.count)])) }
            return
        }
        let slots = ResultSlots<[UInt8]>(count: starts.count)
        let ready = (0..<starts.count).map { _ in DispatchSemaphore(value: 0) }
        let claims = Claims(count: starts.count)
        let window = min(2 * ProcessInfo.processInfo.activeProcessorCount, starts.count)
        let size = piece
        let rendered = { @Sendable (index: Int) in render(items[starts[index]..<min(starts[index] + size, items.count)]) }
        func launch(_ index: Int) {
            DispatchQueue.global().async {
                if claims.claim(index) { slots.store(rendered(index), at: index) }
                ready[index].signal()
            }
        }
        for index in 0..<window { launch(index) }
        for index in starts.indices {
            // A piece no worker has started yet is rendered here: progress never waits on a
            // free worker (the caller may itself be one).
            let bytes: [UInt8]
            if claims.claim(index) {
                bytes = rendered(index)
            } else {
                ready[index].wait()
                bytes = slots.take(at: index)
            }
            // The next piece starts before this one is written, so writing overlaps rendering.
            if index + window < starts.count { launch(index + window) }
            emit(bytes)
        }
    }
}

/// Which pieces have been taken to be rendered, each by exactly one thread.
private final class Claims: @unchecked Sendable {
    private let lock = Lock()
    private var taken: [Bool]

    init(count: Int) { taken = Array(repeating: false, count: count) }

    /// Takes piece `index`; false when another thread took it first.
    func claim(_ index: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !taken[index] else { return false }
        taken[index] = true
        return true
    }
}

/// Write-once slots, one per index; each index is written by exactly one iteration.
private final class ResultSlots<R>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<R?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    func store(_ value: R, at index: Int) { buffer[index] = value }

    /// Takes the value at `index` out, leaving the slot empty.
    func take(at index: Int) -> R {
        defer { buffer[index] = nil }
        return buffer[index]!
    }

    func collect() -> [R] { buffer.map { $0! } }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }
}
