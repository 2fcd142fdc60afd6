package dev.pearl.cpu.parallel;

import dev.pearl.testing.Reachability;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadPoolTest {
    private static final ThreadPool pool = new ThreadPool(3);

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void everyIndexRunsExactlyOnce() {
        for (int n : new int[]{1, 2, 3, 7, 1000}) {
            AtomicIntegerArray runs = new AtomicIntegerArray(n);
            pool.parallelFor(n, runs::incrementAndGet);
            for (int i = 0; i < n; i++) assertEquals(1, runs.get(i), "index " + i + " of " + n);
        }
    }

    @Test
    void rangesCoverTheTotalWithAlignedStarts() {
        AtomicIntegerArray covered = new AtomicIntegerArray(1000);
        pool.parallelRanges(1000, 64, (lo, hi) -> {
            assertEquals(0, lo % 64, "range start " + lo);
            for (int i = lo; i < hi; i++) covered.incrementAndGet(i);
        });
        for (int i = 0; i < 1000; i++) assertEquals(1, covered.get(i), "element " + i);
    }

    @Test
    void theFirstFailureIsRethrownAfterEveryStartedIndexFinished() {
        AtomicIntegerArray finished = new AtomicIntegerArray(64);
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> pool.parallelFor(64, i -> {
            if (i == 5) throw boom;
            finished.incrementAndGet(i);
        }));
        assertSame(boom, thrown);
        // The pool is still usable afterwards.
        AtomicIntegerArray runs = new AtomicIntegerArray(8);
        pool.parallelFor(8, runs::incrementAndGet);
        for (int i = 0; i < 8; i++) assertEquals(1, runs.get(i));
    }

    @Test
    void nestedAndConcurrentCallsComplete() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> sums = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                sums.add(callers.submit(() -> {
                    AtomicIntegerArray cells = new AtomicIntegerArray(20 * 20);
                    pool.parallelFor(20, i -> pool.parallelFor(20, j -> cells.incrementAndGet(i * 20 + j)));
                    int total = 0;
                    for (int i = 0; i < cells.length(); i++) total += cells.get(i);
                    return total;
                }));
            }
            for (Future<Integer> s : sums) assertEquals(400, s.get());
        } finally {
            callers.shutdown();
        }
        assertTrue(pool.threads() == 3);
    }

    /**
     * Two indices that can only finish together (each waits for the other at a barrier): the
     * worker must take part, whether it is polling, parked, or ended after its idle time and so
     * started afresh. A worker that never wakes leaves the barrier to time out.
     */
    @Test
    void theWorkerTakesPartWhenPollingParkedAndAfterItEnded() throws Exception {
        try (ThreadPool shortLived = new ThreadPool(2, TimeUnit.MILLISECONDS.toNanos(20))) {
            bothIndicesMeet(shortLived);                           // started by this call
            bothIndicesMeet(shortLived);                           // polling, most likely (it polls for 50 us)
            Thread.sleep(5);
            bothIndicesMeet(shortLived);                           // parked, most likely (after 5 ms, under its 20 ms)
            Thread.sleep(200);
            assertTrue(workerThreads(shortLived).isEmpty(), "the idle worker should have ended: " + workerThreads(shortLived));
            bothIndicesMeet(shortLived);                           // ended, so started again
        }
    }

    private static void bothIndicesMeet(ThreadPool p) {
        CyclicBarrier meet = new CyclicBarrier(2);
        p.parallelFor(2, i -> {
            try {
                meet.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("index " + i + " ran alone: the worker did not take part", e);
            }
        });
    }

    private static List<String> workerThreads(ThreadPool p) {
        List<String> names = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(p.workerNamePrefix()) && t.isAlive()) names.add(t.getName());
        }
        return names;
    }

    /**
     * A call's body (and the arrays it captures: a kernel's inputs and output) is collectable once
     * the call returns, although the worker that took part stays alive and polls on.
     */
    @Test
    void aFinishedCallLeavesNothingReachableThroughTheWorkers() {
        try (ThreadPool p = new ThreadPool(2)) {
            WeakReference<byte[]> payload = callCapturing(p);
            assertTrue(Reachability.afterCollections(payload) == null, "the body's captured array is still reachable after the call");
            assertTrue(!workerThreads(p).isEmpty(), "the worker should still be alive (idle for less than 10 s)");
        }
    }

    private static WeakReference<byte[]> callCapturing(ThreadPool p) {
        byte[] payload = new byte[1 << 20];
        for (int round = 0; round < 50; round++) p.parallelFor(2, i -> payload[i]++);
        return new WeakReference<>(payload);
    }
}
