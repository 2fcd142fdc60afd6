package dev.pearl.hf.spark;

import dev.pearl.hf.parallel.Payload;
import dev.pearl.hf.parallel.Shard;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * Opens the Spark context Pearl's runs use: Kryo for shards and payloads, Spark's logging at WARN,
 * and, for a standalone master, a quick check that it answers (Spark itself would retry for a
 * minute and then fail with a long trace).
 */
public final class SparkRuntime {
    private static final int CONNECT_TIMEOUT_MS = 3000;

    private SparkRuntime() {
    }

    /**
     * The configuration for {@code master} ({@code local[2]}, {@code spark://host:7077}, ...).
     *
     * @param master the Spark master URL
     * @param appName the application's name in Spark
     * @return the configuration, with Kryo serialisation and the UI off
     */
    public static SparkConf conf(String master, String appName) {
        return new SparkConf()
                .setMaster(master)
                .setAppName(appName)
                .set("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .registerKryoClasses(new Class<?>[]{Payload.class, Shard.class, float[].class, double[].class, int[].class})
                .set("spark.ui.enabled", "false");
    }

    /**
     * Starts a context on {@code master}, or fails in one line naming why.
     *
     * @param master the Spark master URL; a spark:// master must accept a connection
     * @param appName the application's name in Spark
     * @return the started context
     * @throws IllegalArgumentException if master is blank, malformed or unreachable
     * @throws IllegalStateException if Spark fails to start
     */
    public static JavaSparkContext open(String master, String appName) {
        checkReachable(master);
        SparkLogging.warnUnlessConfigured();
        try {
            JavaSparkContext spark = new JavaSparkContext(conf(master, appName));
            spark.setLogLevel("WARN");
            return spark;
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot start Spark on " + master + ": " + SparkErrors.firstLine(SparkErrors.rootCause(e)), e);
        }
    }

    /** For spark://host:port[,host:port...]: at least one master must accept a connection. */
    static void checkReachable(String master) {
        if (master == null || master.isBlank()) throw new IllegalArgumentException("no Spark master given");
        if (!master.startsWith("spark://")) return;
        String failure = null;
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            URI uri = URI.create("spark://" + hostPort);
            if (uri.getHost() == null || uri.getPort() < 0)
                throw new IllegalArgumentException("Spark master " + master + " is not spark://host:port");
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), CONNECT_TIMEOUT_MS);
                return;
            } catch (IOException e) {
                failure = hostPort + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
            }
        }
        throw new IllegalArgumentException("Spark master " + master + " is unreachable: " + failure);
    }
}
