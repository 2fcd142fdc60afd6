package dev.pearl.gpu;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Best-fit allocation of element ranges in one arena, with neighbours merged on free. Offsets
 * and sizes are rounded to {@link #ALIGN} elements so that every tensor starts on a 64-byte
 * boundary (whole cache lines, aligned vector loads). Slot range [0, ALIGN) is never handed out:
 * it holds the arena's canary. Not thread-safe: {@link Arena} serialises calls.
 */
final class ArenaAllocator {
    static final int ALIGN = 16;

    /** Free blocks: offset -> size, for merging with neighbours. */
    private final TreeMap<Integer, Integer> byOffset = new TreeMap<>();
    /** Free blocks as (size << 32 | offset), for best fit. */
    private final TreeSet<Long> bySize = new TreeSet<>();
    private int capacity;
    private long freeElements;

    /** An allocator over [ALIGN, capacity). */
    ArenaAllocator(int capacity) {
        this.capacity = ALIGN;
        grow(capacity);
    }

    static int aligned(int size) {
        return (int) Math.min(Integer.MAX_VALUE - ALIGN + 1, ((long) size + ALIGN - 1) / ALIGN * ALIGN);
    }

    /** Offset of a new block of at least {@code size} elements, or -1 if no free block is large enough. */
    int allocate(int size) {
        int need = aligned(Math.max(size, 1));
        Long fit = bySize.ceiling((long) need << 32);
        if (fit == null) return -1;
        int offset = (int) (long) fit, blockSize = (int) (fit >>> 32);
        remove(offset, blockSize);
        if (blockSize > need) add(offset + need, blockSize - need);
        freeElements -= need;
        return offset;
    }

    /** Returns a block obtained from {@link #allocate} with the same size. */
    void free(int offset, int size) {
        int length = aligned(Math.max(size, 1));
        freeElements += length;
        int start = offset, end = offset + length;
        Map.Entry<Integer, Integer> before = byOffset.floorEntry(offset);
        if (before != null && before.getKey() + before.getValue() == offset) {
            start = before.getKey();
            remove(before.getKey(), before.getValue());
        }
        Integer after = byOffset.get(end);
        if (after != null) {
            remove(end, after);
            end += after;
        }
        add(start, end - start);
    }

    /** Extends the arena to {@code newCapacity} elements (rounded down to ALIGN). */
    void grow(int newCapacity) {
        int end = newCapacity / ALIGN * ALIGN;
        if (end <= capacity) return;
        int oldEnd = capacity;
        capacity = end;
        free(oldEnd, end - oldEnd);
    }

    int capacity() {
        return capacity;
    }

    long freeElements() {
        return freeElements;
    }

    int largestFreeBlock() {
        return bySize.isEmpty() ? 0 : (int) (bySize.last() >>> 32);
    }

    private void add(int offset, int size) {
        byOffset.put(offset, size);
        bySize.add((long) size << 32 | offset);
    }

    private void remove(int offset, int size) {
        byOffset.remove(offset);
        bySize.remove((long) size << 32 | offset);
    }
}
