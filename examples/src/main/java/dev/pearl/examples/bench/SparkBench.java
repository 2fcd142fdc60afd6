package dev.pearl.examples.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code pearl bench spark}: what Spark adds to one Gauss-Newton product of sharded HF. Needs
 * Spark on the classpath, like {@code pearl train --spark}; the Spark code sits in
 * {@link SparkProductTimes}, which loads only when this runs.
 */
@Command(name = "spark", mixinStandardHelpOptions = true,
        description = {"Time one Gauss-Newton product of sharded HF on the same shards in process (threads) and on Spark, and a "
                + "Spark round trip that computes nothing (broadcast v, one task per shard, collect and add the results): the "
                + "fixed cost per product. Runs interleaved; one JSON line of medians. Needs Spark 4 on the classpath."})
public final class SparkBench implements Callable<Integer> {
    /** Martens' CURVES auto-encoder. */
    static final int[] CURVES_SIZES = {784, 400, 200, 100, 50, 25, 6, 25, 50, 100, 200, 400, 784};

    @Option(names = "--master", description = "Spark master (default ${DEFAULT-VALUE}).")
    String master = "local[2]";

    @Option(names = "--sizes", split = ",", description = "Auto-encoder layer sizes (default: the CURVES auto-encoder).")
    int[] sizes = CURVES_SIZES;

    @Option(names = "--dtype", description = "float32 or float64 (default ${DEFAULT-VALUE}).")
    String dtype = "float64";

    @Option(names = "--cases", description = "Cases in the curvature batch (default ${DEFAULT-VALUE}).")
    int cases = 1000;

    @Option(names = "--shards", description = "Shards (default ${DEFAULT-VALUE}).")
    int shards = 2;

    @Option(names = "--repeats", description = "Timed products of each kind (default ${DEFAULT-VALUE}).")
    int repeats = 10;

    @Override
    public Integer call() {
        try {
            Class.forName("org.apache.spark.SparkConf", false, SparkBench.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("bench spark needs Apache Spark 4 on the classpath (see the README)");
        }
        System.out.println(SparkProductTimes.measure(master, sizes, dev.pearl.tensor.DType.parse(dtype), cases, shards, repeats));
        return 0;
    }
}
