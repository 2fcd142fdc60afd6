package dev.pearl.examples.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a {@code --spark} run computes its sums: the master and the number of shards. It is stored
 * with the run, so that {@code --resume DIR} goes on where the run was, with the same shards (their
 * count fixes the order in which the shards' sums are added, so the same count gives the same
 * result), and curvature batches chosen as on Spark instead of the in-process contiguous chunks.
 *
 * @param master the Spark master: local[N] or spark://host:port
 * @param shards the shards (Spark partitions) of the training set, at least 1
 */
record SparkPlacement(String master, int shards) {
    /** --spark-shards when not given. */
    static final int DEFAULT_SHARDS = 4;
    private static final String MASTER_KEY = "spark_master", SHARDS_KEY = "spark_shards";

    SparkPlacement {
        if (master == null || master.isBlank()) throw new IllegalArgumentException("--spark needs a master: local[N] or spark://host:port");
    }

    /**
     * The placement of a new run: none without --spark.
     *
     * @param master the --spark value or null
     * @param shards the --spark-shards value or null
     */
    static SparkPlacement fresh(String master, Integer shards) {
        if (master == null) {
            if (shards != null) throw new IllegalArgumentException("--spark-shards " + shards + " goes with --spark MASTER");
            return null;
        }
        return new SparkPlacement(master, shards != null ? shards : DEFAULT_SHARDS);
    }

    /**
     * The placement of a resumed run whose stored placement is {@code stored} (null: in process).
     * Without --spark it stays where it was; --spark moves it to another master (or an in-process
     * run onto Spark, whose curvature batches differ from there on); the shard count cannot change.
     *
     * @param stored the run's placement, or null
     * @param master the --spark value or null
     * @param shards the --spark-shards value or null
     */
    static SparkPlacement resumed(SparkPlacement stored, String master, Integer shards) {
        if (stored == null) return fresh(master, shards);
        if (shards != null && shards != stored.shards)
            throw new IllegalArgumentException("--spark-shards " + shards + " disagrees with the run, which sums over " + stored.shards
                    + " shards (the count fixes the order of the sums); drop it");
        return master == null ? stored : new SparkPlacement(master, stored.shards);
    }

    /** The placement as run metadata (keys without RunConfig's prefix). */
    Map<String, String> toMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(MASTER_KEY, master);
        m.put(SHARDS_KEY, Integer.toString(shards));
        return m;
    }

    /**
     * Reads back {@link #toMetadata()}: null for a run computed in process.
     *
     * @param config the run's metadata without its prefix
     * @param source the file, for messages
     */
    static SparkPlacement fromMetadata(Map<String, String> config, String source) {
        String master = config.get(MASTER_KEY), shards = config.get(SHARDS_KEY);
        if (master == null && shards == null) return null;
        try {
            return new SparkPlacement(master, Integer.parseInt(String.valueOf(shards)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": a Spark run needs " + RunConfig.PREFIX + MASTER_KEY + " and a number in "
                    + RunConfig.PREFIX + SHARDS_KEY + ", found '" + master + "' and '" + shards + "'", e);
        }
    }
}
