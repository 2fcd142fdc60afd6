package dev.pearl.cpu.parallel;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * A fixed number of threads for CPU kernels: the calling thread and {@code threads - 1} workers.
 * {@code parallelFor(n, body)} runs {@code body.accept(i)} for i in [0, n); indices are claimed
 * one at a time by whichever thread is free, and the caller claims too. So a worker that wakes
 * late (waking a parked thread costs tens of microseconds, as long as a whole small kernel) only
 * finds less to do, and the caller never sits idle waiting for work to start.
 */
public final class ThreadPool implements AutoCloseable {
    private final int threads;
    private final ForkJoinPool workers;

    public ThreadPool(int threads) {
        if (threads < 1) throw new IllegalArgumentException("thread count must be >= 1, got " + threads);
        this.threads = threads;
        this.workers = threads == 1 ? null : new ForkJoinPool(threads - 1);
    }

    /** A pool sized to the machine's available processors. */
    public static ThreadPool machineSized() {
        return new ThreadPool(Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    /**
     * Runs body(i) for every i in [0, n); returns when all are done. If a call throws, indices not
     * yet started are skipped and the first exception is rethrown (others are suppressed into it).
     */
    public void parallelFor(int n, IntConsumer body) {
        if (n <= 0) return;
        if (workers == null || n == 1 || ForkJoinTask.inForkJoinPool()) { // nested calls run inline
            for (int i = 0; i < n; i++) body.accept(i);
            return;
        }
        Claims claims = new Claims(n, body);
        for (int w = Math.min(threads - 1, n - 1); w > 0; w--) workers.execute(claims::work);
        claims.work();
        claims.awaitAndRethrow();
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
        if (workers != null) workers.shutdown();
    }

    /** The indices of one parallelFor: claimed in order, each counted down once finished or skipped. */
    private static final class Claims {
        private final int n;
        private final IntConsumer body;
        private final AtomicInteger next = new AtomicInteger();
        private final CountDownLatch finished;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Claims(int n, IntConsumer body) {
            this.n = n;
            this.body = body;
            this.finished = new CountDownLatch(n);
        }

        void work() {
            for (int i; (i = next.getAndIncrement()) < n; finished.countDown()) {
                if (failure.get() != null) continue; // skip what is left after a failure
                try {
                    body.accept(i);
                } catch (Throwable t) {
                    if (!failure.compareAndSet(null, t)) failure.get().addSuppressed(t);
                }
            }
        }

        void awaitAndRethrow() {
            boolean interrupted = false;
            while (true) {
                try {
                    finished.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the workers still write into the caller's arrays: wait them out
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
            Throwable t = failure.get();
            if (t instanceof RuntimeException) throw (RuntimeException) t;
            if (t instanceof Error) throw (Error) t;
            if (t != null) throw new IllegalStateException(t);
        }
    }
}
