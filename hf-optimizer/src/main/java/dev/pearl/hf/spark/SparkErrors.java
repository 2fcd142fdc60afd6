package dev.pearl.hf.spark;

import org.apache.spark.api.java.JavaSparkContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.function.Supplier;

/** Turns Spark's failures into one-line errors that name the cause. */
final class SparkErrors {
    private SparkErrors() {
    }

    /** Serialises {@code value} now, so a model that cannot travel fails here and not inside a task. */
    static <T> T requireSerializable(T value, String what) {
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " (" + value.getClass().getName() + ") cannot be serialised for the executors: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return value;
    }

    /**
     * Runs Spark calls; any failure becomes one line naming {@code what} and the root cause (or,
     * when Spark has stopped the application, that it did; when {@code watch} cancelled the job for
     * want of executors, why).
     */
    static <T> T run(JavaSparkContext spark, ExecutorWatch watch, String what, Supplier<T> job) {
        try {
            return job.get();
        } catch (Exception e) { // Scala code throws SparkException unchecked
            String cause = watch.reason() != null ? watch.reason() : spark.sc().isStopped()
                    ? "Spark stopped the application (its executors failed or were lost beyond Spark's retries; see the master's and workers' logs)"
                    : firstLine(rootCause(e));
            throw new IllegalStateException("Spark failed during " + what + ": " + cause, e);
        }
    }

    static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) c = c.getCause();
        return c;
    }
}
