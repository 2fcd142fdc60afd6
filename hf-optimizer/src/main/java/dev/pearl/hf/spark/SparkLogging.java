package dev.pearl.hf.spark;

import java.net.URL;

/**
 * Spark logs at WARN unless the user configured log4j2: Spark's own default is INFO, a page of
 * start-up lines per run.
 */
final class SparkLogging {
    private static final String PROPERTY = "log4j2.configurationFile";

    private SparkLogging() {
    }

    /** Before the first Spark class logs: points log4j2 at Pearl's WARN configuration unless one was chosen. */
    static void warnUnlessConfigured() {
        if (System.getProperty(PROPERTY) != null) return;
        URL warn = SparkLogging.class.getResource("log4j2-warn.properties");
        if (warn != null && SparkLogging.class.getClassLoader().getResource("log4j2.properties") == null)
            System.setProperty(PROPERTY, warn.toString());
    }
}
