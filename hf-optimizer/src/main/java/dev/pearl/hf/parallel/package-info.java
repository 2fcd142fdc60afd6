/**
 * Data-parallel evaluation under HF and the baselines: {@link dev.pearl.hf.parallel.StepData} is what an iteration
 * asks of the training data (loss and gradient, the preconditioner's statistics, curvature
 * products on a prepared batch). {@link dev.pearl.hf.parallel.InProcessData} is the
 * single-process default; {@link dev.pearl.hf.parallel.ShardedData} sums the case-weighted shares
 * of shards run by a {@link dev.pearl.hf.parallel.ShardRunner}: {@link dev.pearl.hf.parallel.LocalShards}
 * on threads here, or the Spark runner of {@code dev.pearl.hf.spark}. Under the baselines,
 * {@link dev.pearl.hf.parallel.MinibatchSource} cuts the data into minibatches: in process, or
 * {@code ShardedData}'s hashed chunks.
 */
package dev.pearl.hf.parallel;
