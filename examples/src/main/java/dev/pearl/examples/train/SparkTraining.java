package dev.pearl.examples.train;

import dev.pearl.Params;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.hf.spark.Reduction;
import dev.pearl.hf.spark.SparkRuntime;
import dev.pearl.hf.spark.SparkShards;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code pearl train --spark MASTER}: the run's optimizer with its sums over shards of the training
 * set on Spark (HF on Martens' plan or stochastic; SGD, Adam, RMSProp and L-BFGS on hashed minibatches). Only this
 * class touches Spark, and it loads only when the option is given ({@link SparkOption} checks
 * first), so pearl.jar runs without Spark's jars otherwise. Closing stops the shards and the Spark context.
 */
final class SparkTraining implements AutoCloseable {
    private final JavaSparkContext spark;
    private final SparkShards shards;
    private final Trainer<?, ?> trainer;

    private SparkTraining(JavaSparkContext spark, SparkShards shards, Trainer<?, ?> trainer) {
        this.spark = spark;
        this.shards = shards;
        this.trainer = trainer;
    }

    static SparkTraining start(String master, int shardCount, RunConfig config, Batch training, Params like, int stepsPerRound) {
        JavaSparkContext spark = SparkRuntime.open(master, "pearl train " + config.dataset());
        try {
            SparkShards shards = new SparkShards(spark, new AutoencoderSpec(config.layers(), config.weightCost()), training, like, shardCount, Reduction.ORDERED);
            try {
                Trainer<?, ?> trainer = config.optimizer().shardedTrainer(shards, WeightCost.of(config.weightCost()), training, config.seed(), stepsPerRound);
                return new SparkTraining(spark, shards, trainer);
            } catch (RuntimeException e) {
                shards.close();
                throw e;
            }
        } catch (RuntimeException e) {
            spark.stop();
            throw e;
        }
    }

    Trainer<?, ?> trainer() {
        return trainer;
    }

    @Override
    public void close() {
        try {
            shards.close();
        } finally {
            spark.stop();
        }
    }
}
