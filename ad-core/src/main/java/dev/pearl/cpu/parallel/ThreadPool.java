package dev.pearl.cpu.parallel;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed number of threads for CPU kernels: the calling thread and {@code threads - 1} workers.
 * {@code parallelFor(n, body)} runs {@code body.accept(i)} for i in [0, n); indices are claimed
 * one at a time by whichever thread is free, and the caller claims too. So a worker that wakes
 * late only finds less to do, and the caller never sits idle waiting for work to start.
 *
 * <p>Workers poll for the next call for 50 µs after finishing one before they park: in a training
 * loop kernels follow each other within microseconds, while waking a parked thread costs tens of
 * them, as long as a whole small kernel. A worker idle for ten seconds ends, and the next call
 * starts a fresh one, so pools that are dropped without {@link #close} leave no threads behind
 * for long.
 */
public final class ThreadPool implements AutoCloseable {
    /** How long an idle worker polls before it parks. */
    static final long SPIN_NS = 50_000;
    /** How long a parked worker waits for a call before it ends, by default. */
    static final long IDLE_EXIT_NS = 10_000_000_000L;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int threads;
    private final long idleExitNs;
    private final int id = POOLS.incrementAndGet();
    /** The workers; an entry is replaced when its thread has ended (guarded by this). */
    private final Worker[] workers;
    /** The call whose indices are being claimed, or null; workers take part in whatever is here. */
    private final AtomicReference<Claims> current = new AtomicReference<>();
    /** Calls made so far (guarded by this): they are numbered, so a worker remembers a number, not a call and its body. */
    private long calls;
    private volatile boolean closed;

    public ThreadPool(int threads) {
        this(threads, IDLE_EXIT_NS);
    }

    /** A pool whose parked workers end after idleExitNs without a call (tests shorten it). */
    ThreadPool(int threads, long idleExitNs) {
        if (threads < 1) throw new IllegalArgumentException("thread count must be >= 1, got " + threads);
        this.threads = threads;
        this.idleExitNs = idleExitNs;
        this.workers = new Worker[threads - 1];
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
     * After {@link #close} (and inside a body) it runs on the calling thread alone.
     */
    public void parallelFor(int n, IntConsumer body) {
        if (n <= 0) return;
        if (workers.length == 0 || n == 1 || closed || Thread.currentThread() instanceof Worker) { // nested calls run inline
            for (int i = 0; i < n; i++) body.accept(i);
            return;
        }
        Claims claims = publish(n, body);
        int wake = n - 1;
        for (Worker w : workers) {
            if (wake-- == 0) break;
            if (w.parked) LockSupport.unpark(w);
        }
        try {
            claims.work();
            claims.awaitAndRethrow();
        } finally {
            current.compareAndSet(claims, null); // let go of body and what it holds
        }
    }

    /** Workers are named this followed by their number. */
    String workerNamePrefix() {
        return "pearl-cpu-" + id + "-";
    }

    /**
     * Replaces workers that have ended (or whose thread never started), then numbers a new call
     * and makes it the current one. Under the lock a worker takes to end, so none ends with this
     * call unseen, and numbers rise in the order calls become current.
     */
    private synchronized Claims publish(int n, IntConsumer body) {
        for (int k = 0; k < workers.length; k++) {
            Worker w = workers[k];
            if (w == null || w.ended || !w.isAlive()) {
                workers[k] = new Worker(this, workerNamePrefix() + (k + 1));
                workers[k].start();
            }
        }
        Claims claims = new Claims(++calls, n, body);
        current.set(claims);
        return claims;
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
        closed = true;
        synchronized (this) {
            for (Worker w : workers) {
                if (w != null) LockSupport.unpark(w);
            }
        }
    }

    /** One worker: takes part in each new call, polls a while between calls, then parks, and ends when idle long. */
    private static final class Worker extends Thread {
        private final ThreadPool pool;
        volatile boolean parked;
        /**
         * Set under the pool's lock when the thread decides to end (and, after any exception, as
         * it ends); the pool then starts another.
         */
        volatile boolean ended;

        Worker(ThreadPool pool, String name) {
            super(name);
            this.pool = pool;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                serve();
            } finally {
                synchronized (pool) {
                    ended = true;
                }
            }
        }

        /** Takes part in calls until the pool closes or none comes for idleExitNs. */
        private void serve() {
            long seen = 0; // the number of the last call taken part in: a reference would keep its body alive
            long idleSince = System.nanoTime();
            while (!pool.closed) {
                long took = takePart(seen);
                if (took > 0) {
                    seen = took;
                    idleSince = System.nanoTime();
                    continue;
                }
                long idle = System.nanoTime() - idleSince;
                if (idle < SPIN_NS) {
                    Thread.onSpinWait();
                    continue;
                }
                if (idle >= pool.idleExitNs) {
                    synchronized (pool) { // publish holds this lock: a call is either seen here or sees ended
                        if (!isNew(pool.current.get(), seen)) {
                            ended = true;
                            return;
                        }
                    }
                    continue;
                }
                parked = true;
                // A caller sets current before it reads parked: it either sees this flag and
                // unparks, or this check sees its call.
                if (!isNew(pool.current.get(), seen) && !pool.closed) LockSupport.parkNanos(this, pool.idleExitNs - idle);
                parked = false;
            }
        }

        /** Works on the current call if it is newer than call number seen; its number, or 0 if none. */
        private long takePart(long seen) {
            Claims c = pool.current.get();
            if (!isNew(c, seen)) return 0;
            c.work();
            return c.number;
        }

        private static boolean isNew(Claims c, long seen) {
            return c != null && c.number > seen;
        }
    }

    /** The indices of one parallelFor: claimed in order, each counted down once finished or skipped. */
    private static final class Claims {
        /** Calls are numbered from 1 in the order they are made. */
        final long number;
        private final int n;
        private final IntConsumer body;
        private final AtomicInteger next = new AtomicInteger();
        private final CountDownLatch finished;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Claims(long number, int n, IntConsumer body) {
            this.number = number;
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
                    Throwable first = failure.compareAndExchange(null, t);
                    if (first != null && first != t) first.addSuppressed(t); // the JIT may throw one preallocated exception twice
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
