package dev.pearl.hf.spark;

import org.apache.spark.api.java.JavaSparkContext;

/** The one Spark context of the test JVM (local[2]); Spark stops it at JVM exit. */
final class TestSpark {
    private static JavaSparkContext context;

    private TestSpark() {
    }

    static synchronized JavaSparkContext context() {
        if (context == null) context = SparkRuntime.open("local[2]", "pearl-tests");
        return context;
    }
}
