package dev.pearl.hf.spark;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The watch that ends a cluster's endless wait for executors, driven by hand: no Spark, no threads. */
class ExecutorWatchTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private final AtomicInteger executors = new AtomicInteger(2);
    private final AtomicBoolean jobs = new AtomicBoolean(true);
    private final AtomicInteger cancels = new AtomicInteger();
    private final ExecutorWatch watch = new ExecutorWatch(executors::get, jobs::get, cancels::incrementAndGet, () -> false, 120 * SECOND);

    @Test
    void aJobThatWaitsTheWholeTimeoutWithNoExecutorIsCancelledOnceWithTheReason() {
        assertFalse(watch.check(0));
        executors.set(0);
        assertFalse(watch.check(10 * SECOND), "the wait starts now");
        assertFalse(watch.check(129 * SECOND));
        assertTrue(watch.check(130 * SECOND));
        assertEquals(1, cancels.get());
        assertEquals("no Spark executor for 120 s (every worker lost?), so Pearl cancelled the job (spark.pearl.executorWaitTimeout sets the wait)",
                watch.reason());
        assertFalse(watch.check(500 * SECOND), "cancelled once");
        assertEquals(1, cancels.get());
    }

    @Test
    void aClusterThatHasNotYetGrantedAnExecutorIsWaitedFor() {
        executors.set(0);
        assertFalse(watch.check(0));
        assertFalse(watch.check(1_000 * SECOND), "no executor seen yet: a slow start, not a loss");
        executors.set(1);
        assertFalse(watch.check(1_001 * SECOND));
        executors.set(0);
        assertFalse(watch.check(1_002 * SECOND));
        assertTrue(watch.check(1_122 * SECOND));
    }

    @Test
    void anExecutorThatComesBackOrNoJobWaitingRestartsTheCount() {
        watch.check(0);
        executors.set(0);
        watch.check(0);
        executors.set(1);
        watch.check(100 * SECOND);
        executors.set(0);
        assertFalse(watch.check(110 * SECOND));
        assertFalse(watch.check(200 * SECOND), "only 90 s since the executor left");
        jobs.set(false);
        assertFalse(watch.check(300 * SECOND), "nothing waits between jobs");
        jobs.set(true);
        assertFalse(watch.check(310 * SECOND));
        assertTrue(watch.check(430 * SECOND));
        assertEquals(1, cancels.get());
    }

    @Test
    void aWatchThatNeverFiredHasNoReason() {
        assertFalse(watch.check(1_000 * SECOND));
        assertNull(watch.reason());
        assertEquals(0, cancels.get());
    }
}
