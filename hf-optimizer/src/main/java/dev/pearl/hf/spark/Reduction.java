package dev.pearl.hf.spark;

/** How the shards' results are added up. */
public enum Reduction {
    /** Collect every shard's result and add them in shard order on the driver: reproducible bit for bit. */
    ORDERED,
    /** RDD.treeAggregate: partial sums on the executors, less traffic into the driver; the order varies. */
    TREE
}
