package dev.pearl.hf.parallel;

import dev.pearl.Params;

/**
 * Runs a {@link ShardTask} on every shard and adds up the results. The shards are the training
 * set's contiguous, nearly equal parts ({@link #shardSizes()}), in order; an implementation decides where
 * they live (threads of this process, or a cluster) and how it sends θ and v.
 */
public interface ShardRunner extends AutoCloseable {
    /**
     * Cases per shard, in shard order.
     *
     * @return one case count per shard
     */
    int[] shardSizes();

    /**
     * The dtype-and-shape layout of the parameters the tasks see.
     *
     * @return the layout
     */
    ParamsLayout layout();

    /**
     * The sum of the task's results over all shards, at θ and along {@code vector} (null for none).
     *
     * @param task the work each shard does
     * @param theta the parameters
     * @param vector the direction, or null
     * @return the sum of the shards' payloads
     */
    Payload sum(ShardTask task, Params theta, Params vector);

    /** Frees the shards and whatever was sent to them. */
    @Override
    void close();
}
