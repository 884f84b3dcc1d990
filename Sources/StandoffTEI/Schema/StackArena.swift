import Foundation

/// Memory handed out and given back in stack order, in large chunks: allocation is a pointer
/// bump and releasing everything after a mark is an assignment.
struct StackArena {
    struct Mark {
        var chunk: Int
        var used: Int
    }

    private var chunks: [(base: UnsafeMutableRawPointer, size: Int)] = []
    private var chunk = -1
    private var used = 0
    private static let chunkSize = 1 << 20

    var mark: Mark { Mark(chunk: chunk, used: used) }

    mutating func release(to mark: Mark) {
        chunk = mark.chunk
        used = mark.used
    }

    mutating func allocate<T>(_ type: T.Type) -> UnsafeMutablePointer<T> {
        allocateRaw(MemoryLayout<T>.stride).bindMemory(to: T.self, capacity: 1)
    }

    mutating func allocateBytes(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        allocateRaw(count).bindMemory(to: UInt8.self, capacity: count)
    }

    @inline(__always)
    private mutating func allocateRaw(_ count: Int) -> UnsafeMutableRawPointer {
        let size = (count + 15) & ~15
        if chunk >= 0, used + size <= chunks[chunk].size {
            defer { used += size }
            return chunks[chunk].base + used
        }
        return allocateInNextChunk(size)
    }

    private mutating func allocateInNextChunk(_ size: Int) -> UnsafeMutableRawPointer {
        let next = chunk + 1
        let wanted = max(size, Self.chunkSize)
        if next == chunks.count {
            chunks.append((UnsafeMutableRawPointer.allocate(byteCount: wanted, alignment: 16), wanted))
        } else if chunks[next].size < size {
            chunks[next].base.deallocate()
            chunks[next] = (UnsafeMutableRawPointer.allocate(byteCount: wanted, alignment: 16), wanted)
        }
        chunk = next
        used = size
        return chunks[chunk].base
    }

    func deallocateAll() {
        for chunk in chunks { chunk.base.deallocate() }
    }
}
