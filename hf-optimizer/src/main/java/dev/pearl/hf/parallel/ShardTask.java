package dev.pearl.hf.parallel;

import dev.pearl.Params;

import java.io.Serializable;

/**
 * Work one shard does for a sum over shards: its case-weighted share of a quantity, at θ and, for
 * a curvature product, along a direction v (null when the task needs none).
 */
@FunctionalInterface
public interface ShardTask extends Serializable {
    /**
     * Runs on one shard.
     *
     * @param worker the shard's worker, with its cases and problem
     * @param theta the parameters
     * @param vector the direction, or null
     * @return the shard's case-weighted share, or {@link Payload#none()} when it has no selected case
     */
    Payload run(ShardWorker worker, Params theta, Params vector);
}
