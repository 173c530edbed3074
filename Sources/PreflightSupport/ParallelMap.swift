import Foundation

/// `map` over all cores, keeping order.
package enum ParallelMap {
    package static func run<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let results = ResultSlots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, transform(items[index]))
        }
        return results.values
    }
}

/// Slots written by parallel workers, each exactly once.
package final class ResultSlots<R>: @unchecked Sendable {
    private var slots: [R?]
    private let lock = NSLock()

    package init(count: Int) { slots = Array(repeating: nil, count: count) }

    package func set(_ index: Int, _ value: R) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    package var values: [R] { slots.compactMap { $0 } }
}

/// Values handed to parallel workers, each taken exactly once: the taker holds the only
/// reference, so the value is freed on the worker's thread when it is done with it.
package final class Handoff<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    package init(_ values: [T]) { slots = values.map { $0 } }

    package var count: Int { slots.count }

    package func take(_ index: Int) -> T {
        lock.lock()
        defer { lock.unlock() }
        let value = slots[index]!
        slots[index] = nil
        return value
    }
}
