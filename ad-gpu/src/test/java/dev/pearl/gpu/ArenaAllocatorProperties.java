package dev.pearl.gpu;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The arena allocator alone: blocks never overlap, stay aligned, and freeing restores everything. */
@OpenClGate.NoDeviceNeeded
class ArenaAllocatorProperties {

    @Property(tries = 300)
    void liveBlocksAreAlignedDisjointAndFreeingAllRestoresOneBlock(@ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 5000) Integer> sizes,
                                                                     @ForAll long seed) {
        int capacity = 100_000;
        ArenaAllocator a = new ArenaAllocator(capacity);
        List<int[]> live = new ArrayList<>();
        Random random = new Random(seed);
        for (int size : sizes) {
            if (!live.isEmpty() && random.nextInt(3) == 0) {
                int[] b = live.remove(random.nextInt(live.size()));
                a.free(b[0], b[1]);
            }
            int at = a.allocate(size);
            if (at < 0) continue;
            assertEquals(0, at % ArenaAllocator.ALIGN, "aligned offset");
            assertTrue(at >= ArenaAllocator.ALIGN, "slot range of the canary stays reserved");
            assertTrue(at + size <= capacity, "inside the arena");
            for (int[] b : live)
                assertTrue(at + Math.max(size, 1) <= b[0] || b[0] + Math.max(b[1], 1) <= at, "block at " + at + " overlaps " + b[0]);
            live.add(new int[]{at, size});
        }
        for (int[] b : live) a.free(b[0], b[1]);
        int usable = capacity / ArenaAllocator.ALIGN * ArenaAllocator.ALIGN - ArenaAllocator.ALIGN;
        assertEquals(usable, a.freeElements());
        assertEquals(usable, a.largestFreeBlock(), "neighbours merged back into one block");
    }

    @Test
    void bestFitPicksTheSmallestHoleAndGrowthExtendsTheLastFreeBlock() {
        ArenaAllocator a = new ArenaAllocator(16 + 1024);
        int big = a.allocate(512), small = a.allocate(64), rest = a.allocate(448);
        assertEquals(-1, a.allocate(16), "full");
        a.free(big, 512);
        a.free(rest, 448);
        assertEquals(rest, a.allocate(400), "the 448-element hole fits 400 better than the 512 one");
        assertEquals(-1, a.allocate(600));
        a.grow(16 + 2048);
        assertTrue(a.allocate(600) >= 0, "room after growth");
        assertTrue(small > 0);
    }
}
