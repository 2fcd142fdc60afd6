package dev.pearl.gpu;

import dev.pearl.backend.Storage;

/**
 * A tensor's elements on the device: a range of one arena. Immutable and shared by every tensor
 * viewing the same elements (reshapes); the range returns to the arena once no tensor references
 * this object any more (see {@link Arena}).
 */
final class DeviceStorage implements Storage {
    final Arena arena;
    final int offset;
    private final int size;

    DeviceStorage(Arena arena, int offset, int size) {
        this.arena = arena;
        this.offset = offset;
        this.size = size;
    }

    @Override
    public int size() {
        return size;
    }
}
