/// A fixed-size buffer that parallel workers fill at disjoint indices.
///
/// `DispatchQueue.concurrentPerform` closures must be `@Sendable`; each worker writes only its own
/// rows, so sharing the buffer is race-free by construction (hence `@unchecked Sendable`).
final class SharedArray<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    let count: Int

    init(repeating value: T, count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(count, 1))
        pointer.initialize(repeating: value, count: count)
    }

    deinit {
        pointer.deinitialize(count: count)
        pointer.deallocate()
    }

    subscript(i: Int) -> T {
        get { pointer[i] }
        set { pointer[i] = newValue }
    }

    /// A copy as an ordinary array.
    var array: [T] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
}
