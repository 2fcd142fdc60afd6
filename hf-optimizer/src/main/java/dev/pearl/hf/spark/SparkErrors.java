package dev.pearl.hf.spark;

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

    static <T> T run(String what, Supplier<T> job) {
        try {
            return job.get();
        } catch (Exception e) { // Scala code throws SparkException unchecked
            if (e instanceof RuntimeException r && !r.getClass().getName().startsWith("org.apache.spark")) throw r;
            throw new IllegalStateException("Spark failed during " + what + ": " + firstLine(rootCause(e)), e);
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
