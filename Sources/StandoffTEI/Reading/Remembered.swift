/// Values made from attribute values, remembered by the value's bytes: a file repeats a few
/// dozen values (layers, categories, annotators, roles, register entries), and one seen before
/// costs neither a string nor a hash of one. Each value has a slot chosen by a hash of its bytes
/// and is checked byte for byte; a value whose slot another now holds is made again.
struct Remembered<Value> {
    private static var slotCount: Int { 256 }
    /// Where each slot's key lies in ``keys``; a negative start for an empty slot.
    private var slots = [(start: Int32, count: Int32)](repeating: (-1, 0), count: slotCount)
    private var values = [Value?](repeating: nil, count: slotCount)
    private var keys: [UInt8] = []

    /// The value remembered for `key`, if any (a remembered value may itself be `nil`).
    func lookUp(_ key: UnsafeBufferPointer<UInt8>) -> Value? {
        let slot = Self.slot(of: key)
        let (start, count) = slots[slot]
        guard start >= 0, Int(count) == key.count else { return nil }
        let same = keys.withUnsafeBufferPointer { keys in
            var index = 0
            while index < key.count, keys[Int(start) + index] == key[index] { index += 1 }
            return index == key.count
        }
        return same ? values[slot] : nil
    }

    mutating func remember(_ value: Value, for key: UnsafeBufferPointer<UInt8>) {
        // Keys replaced in their slot leave their bytes behind: start afresh now and then.
        if keys.count > 1 << 16 { self = Remembered() }
        let slot = Self.slot(of: key)
        slots[slot] = (Int32(keys.count), Int32(key.count))
        keys.append(contentsOf: key)
        values[slot] = value
    }

    mutating func value(for key: UnsafeBufferPointer<UInt8>, _ make: (String) -> Value) -> Value {
        if let known = lookUp(key) { return known }
        let made = make(String(decoding: key, as: UTF8.self))
        remember(made, for: key)
        return made
    }

    private static func slot(of key: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt32 = 2_166_136_261  // FNV-1a
        for byte in key { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash >> 8 ^ hash) & (slotCount - 1)
    }
}
