package dev.pearl.gpu;

import dev.pearl.tensor.DType;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The device memory of one dtype: a large Java array that is a field of the device program (so
 * it has one device buffer, which all ops share), divided by an {@link ArenaAllocator}.
 *
 * <p><b>Freeing.</b> Each {@link DeviceStorage} is watched by a phantom reference; once the
 * garbage collector finds it unreachable its range is returned at the next allocation. When an
 * allocation does not fit, the arena asks for a collection, then grows (download, larger array,
 * upload: counted as arena copies), up to the device's allocation limit.
 *
 * <p><b>The GC hazard.</b> Aparapi remembers the address of each array; if the collector moves
 * an array between launches, Aparapi re-creates the device buffer from the host copy, which is
 * stale for an arena, and the device data is lost without an error. What keeps the arena in
 * place: it is allocated once per size, large (at least {@link #MIN_BYTES}, a humongous object
 * under G1, which G1 does not move), and replaced only by {@link #grow}. What detects a
 * violation anyway: slot 0 holds a canary whose value changes with every resize and is written
 * only on the device; every download copies it along and {@link Staging} fails loudly if the
 * device holds the host's stale value instead.
 *
 * <p>Not thread-safe: the backend calls it while holding its device lock.
 */
final class Arena {
    /** At least 32 MiB: G1 treats arrays over half a region (regions are at most 32 MiB) as humongous. */
    static final long MIN_BYTES = 32L << 20;

    final DType dtype;
    private final Launcher launcher;
    private final int maxCapacity;
    private final int initialCapacity;
    private ArenaAllocator allocator;
    private int generation;

    private final ReferenceQueue<DeviceStorage> dead = new ReferenceQueue<>();
    private final Set<Block> blocks = new HashSet<>();

    /** Keeps a storage's range until the storage becomes unreachable. */
    private static final class Block extends PhantomReference<DeviceStorage> {
        final int offset, size;

        Block(DeviceStorage s, ReferenceQueue<DeviceStorage> q) {
            super(s, q);
            this.offset = s.offset;
            this.size = s.size();
        }
    }

    Arena(DType dtype, Launcher launcher, long initialBytes, long maxBytes) {
        this.dtype = dtype;
        this.launcher = launcher;
        long limit = Math.min(maxBytes, launcher.device.getMaxMemAllocSize());
        // Aparapi sizes buffers with a Java int of bytes.
        limit = Math.min(limit, Integer.MAX_VALUE - 64);
        this.maxCapacity = (int) (limit / dtype.bytes()) / ArenaAllocator.ALIGN * ArenaAllocator.ALIGN;
        this.initialCapacity = (int) Math.min(maxCapacity, Math.max(initialBytes, MIN_BYTES) / dtype.bytes());
    }

    /** Storage of {@code size} elements (contents undefined). */
    DeviceStorage allocate(int size) {
        if (size == 0) return new DeviceStorage(this, 0, 0);
        int offset = allocateRaw(size);
        DeviceStorage s = new DeviceStorage(this, offset, size);
        blocks.add(new Block(s, dead));
        return s;
    }

    /** A block for a temporary the backend frees itself with {@link #freeRaw}. */
    int allocateRaw(int size) {
        if (allocator == null) grow((int) Math.min(maxCapacity, Math.max(initialCapacity, (long) ArenaAllocator.aligned(size) + ArenaAllocator.ALIGN)));
        reclaim();
        int offset = allocator.allocate(size);
        if (offset < 0) {
            collectGarbage();
            offset = allocator.allocate(size);
        }
        if (offset < 0 && allocator.capacity() < maxCapacity) {
            long wanted = Math.max(2L * allocator.capacity(), (long) allocator.capacity() + ArenaAllocator.aligned(size));
            grow((int) Math.min(maxCapacity, wanted));
            offset = allocator.allocate(size);
        }
        if (offset < 0)
            throw new OpenClException("opencl: the " + dtype + " arena is full: " + mib((long) size * dtype.bytes())
                    + " MiB requested, " + mib(allocator.freeElements() * dtype.bytes()) + " MiB free (largest block "
                    + mib((long) allocator.largestFreeBlock() * dtype.bytes()) + " MiB) of " + mib((long) allocator.capacity() * dtype.bytes())
                    + " MiB, the limit for this device; free tensors or raise OpenClOptions.maxArenaMiB");
        return offset;
    }

    void freeRaw(int offset, int size) {
        allocator.free(offset, size);
    }

    /** The canary value slot 0 must hold on the device. */
    double canary() {
        return generation;
    }

    int capacity() {
        return allocator == null ? 0 : allocator.capacity();
    }

    private void reclaim() {
        Reference<? extends DeviceStorage> r;
        while ((r = dead.poll()) != null) {
            Block b = (Block) r;
            if (blocks.remove(b)) allocator.free(b.offset, b.size);
        }
    }

    /** A full collection finds unreachable tensors; their references arrive on the queue shortly after. */
    private void collectGarbage() {
        System.gc();
        try {
            Reference<? extends DeviceStorage> r = dead.remove(100);
            while (r != null) {
                Block b = (Block) r;
                if (blocks.remove(b)) allocator.free(b.offset, b.size);
                r = dead.remove(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Replaces the arena array by a larger one holding the same elements. The old contents come
     * to the host first; the first launch after the field changed creates the new buffer from
     * the host copy. A new canary generation is then written on the device only.
     */
    private void grow(int newCapacity) {
        DeviceKernel k = launcher.kernel;
        boolean live = allocator != null;
        if (dtype == DType.FLOAT32) {
            if (live) k.get(k.f);
            k.f = Arrays.copyOf(k.f, newCapacity);
        } else {
            if (live) k.get(k.d);
            k.d = Arrays.copyOf(k.d, newCapacity);
        }
        if (live) launcher.counter.arenaCopy((long) allocator.capacity() * dtype.bytes());
        launcher.counter.arenaCopy((long) newCapacity * dtype.bytes());
        generation++;
        k.op = Opcode.CANARY;
        k.wide = dtype == DType.FLOAT64 ? 1 : 0;
        k.pf = generation;
        k.pd = generation;
        launcher.runElements(1);
        if (allocator == null) allocator = new ArenaAllocator(newCapacity);
        else allocator.grow(newCapacity);
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
