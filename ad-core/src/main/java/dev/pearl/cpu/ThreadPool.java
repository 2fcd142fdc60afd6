package dev.pearl.cpu;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * A fixed number of worker threads for CPU kernels. {@code parallelFor(n, body)} runs
 * {@code body.accept(i)} for i in [0, n), splitting indices over the threads; the caller's thread
 * takes part, so a pool of 1 runs everything inline with no hand-off.
 */
public final class ThreadPool implements AutoCloseable {
    private final int threads;
    private final ForkJoinPool pool;

    public ThreadPool(int threads) {
        if (threads < 1) throw new IllegalArgumentException("thread count must be >= 1, got " + threads);
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads);
    }

    /** A pool sized to the machine's available processors. */
    public static ThreadPool machineSized() {
        return new ThreadPool(Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    /** Runs body(i) for every i in [0, n); returns when all are done. */
    public void parallelFor(int n, IntConsumer body) {
        if (n <= 0) return;
        if (pool == null || n == 1 || ForkJoinTask.inForkJoinPool()) {
            for (int i = 0; i < n; i++) body.accept(i);
            return;
        }
        pool.invoke(new Range(0, n, body));
    }

    /**
     * Splits [0, total) into at most threads() contiguous chunks whose starts are multiples of
     * {@code align}, and runs body(start, end) for each.
     */
    public void parallelRanges(int total, int align, RangeBody body) {
        if (total <= 0) return;
        int units = (total + align - 1) / align;
        int chunks = Math.min(threads, units);
        if (chunks <= 1) {
            body.run(0, total);
            return;
        }
        parallelFor(chunks, c -> {
            int start = (int) ((long) units * c / chunks) * align;
            int end = Math.min(total, (int) ((long) units * (c + 1) / chunks) * align);
            if (start < end) body.run(start, end);
        });
    }

    @FunctionalInterface
    public interface RangeBody {
        void run(int start, int end);
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdown();
    }

    private static final class Range extends RecursiveAction {
        private final int lo, hi;
        private final IntConsumer body;

        Range(int lo, int hi, IntConsumer body) {
            this.lo = lo;
            this.hi = hi;
            this.body = body;
        }

        @Override
        protected void compute() {
            if (hi - lo == 1) {
                body.accept(lo);
                return;
            }
            int mid = (lo + hi) >>> 1;
            invokeAll(new Range(lo, mid, body), new Range(mid, hi, body));
        }
    }
}
