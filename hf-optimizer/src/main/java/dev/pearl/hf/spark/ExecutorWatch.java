package dev.pearl.hf.spark;

import org.apache.spark.SparkContext;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Ends the wait of a cluster that has lost every executor. Spark itself waits for new executors
 * without end (warning "Initial job has not accepted any resources" every 15 s); this watch cancels
 * the running jobs once a job has waited {@code timeout} with no executor, so the run fails in one
 * line with its checkpoint kept. It counts only after an executor has been seen: a cluster that is
 * slow to grant the first one (a busy master, a queue) is waited for as Spark waits. Local masters
 * run tasks in the driver and are never watched.
 */
final class ExecutorWatch implements AutoCloseable {
    /** The Spark property that sets the wait ("120s", "5m", ...); spark-submit --conf or -D sets it. */
    static final String TIMEOUT_PROPERTY = "spark.pearl.executorWaitTimeout";
    static final String DEFAULT_TIMEOUT = "120s";
    private static final long POLL_MS = 1000;

    private final IntSupplier executors;
    private final BooleanSupplier jobsActive;
    private final Runnable cancel;
    private final BooleanSupplier stopped;
    private final long timeoutNanos;
    private final Thread poller;
    private long waitingSince = -1;
    private boolean executorSeen;
    private volatile String reason;

    /**
     * A watch over the given signals, not yet polling; {@link #check(long)} decides.
     *
     * @param executors the executors now registered, the driver not counted
     * @param jobsActive whether a job is running or waiting
     * @param cancel cancels every job
     * @param stopped whether the context has stopped (the poller then ends)
     * @param timeoutNanos how long a job may wait with no executor
     */
    ExecutorWatch(IntSupplier executors, BooleanSupplier jobsActive, Runnable cancel, BooleanSupplier stopped, long timeoutNanos) {
        this.executors = executors;
        this.jobsActive = jobsActive;
        this.cancel = cancel;
        this.stopped = stopped;
        this.timeoutNanos = timeoutNanos;
        this.poller = new Thread(this::poll, "pearl executor watch");
        poller.setDaemon(true);
    }

    /** Watches {@code spark}'s executors from a daemon thread; a watch that never fires for a local master. */
    static ExecutorWatch start(SparkContext spark) {
        long timeoutMs = spark.getConf().getTimeAsMs(TIMEOUT_PROPERTY, DEFAULT_TIMEOUT);
        if (timeoutMs <= 0) throw new IllegalArgumentException(TIMEOUT_PROPERTY + " must be a positive time such as 120s, got "
                + spark.getConf().get(TIMEOUT_PROPERTY));
        long timeout = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        ExecutorWatch watch = new ExecutorWatch(() -> executorsBesidesTheDriver(spark),
                () -> spark.statusTracker().getActiveJobIds().length > 0, spark::cancelAllJobs, spark::isStopped, timeout);
        if (!spark.isLocal()) watch.poller.start();
        return watch;
    }

    private static int executorsBesidesTheDriver(SparkContext spark) {
        // One block manager per executor, and one for the driver, which runs no tasks on a cluster.
        return spark.getExecutorMemoryStatus().size() - 1;
    }

    /**
     * One look at the signals at time {@code now}: starts or ends the count of a job's wait with
     * no executor, and cancels the jobs when it reaches the timeout.
     *
     * @param now a monotonic time in nanoseconds
     * @return whether the jobs were cancelled by this call
     */
    synchronized boolean check(long now) {
        if (reason != null) return false;
        int registered = executors.getAsInt();
        if (registered > 0) executorSeen = true;
        if (registered > 0 || !executorSeen || !jobsActive.getAsBoolean()) {
            waitingSince = -1;
            return false;
        }
        if (waitingSince < 0) waitingSince = now;
        if (now - waitingSince < timeoutNanos) return false;
        reason = "no Spark executor for " + seconds(timeoutNanos) + " s (every worker lost?), so Pearl cancelled the job ("
                + TIMEOUT_PROPERTY + " sets the wait)";
        cancel.run();
        return true;
    }

    /**
     * Why the watch cancelled the jobs, or null if it did not.
     *
     * @return the one-line reason or null
     */
    String reason() {
        return reason;
    }

    private static String seconds(long nanos) {
        double s = nanos / 1e9;
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }

    private void poll() {
        try {
            while (!Thread.currentThread().isInterrupted() && !stopped.getAsBoolean()) {
                try {
                    check(System.nanoTime());
                } catch (RuntimeException e) {
                    // The context stopping under the watch ends it; a passing failure of a live one does not.
                    if (stopped.getAsBoolean()) return;
                }
                Thread.sleep(POLL_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        poller.interrupt();
    }
}
