package dev.pearl.examples.train;

import dev.pearl.Params;
import dev.pearl.hf.HessianFree;
import dev.pearl.hf.HfSettings;
import dev.pearl.hf.parallel.ShardedData;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.hf.spark.Reduction;
import dev.pearl.hf.spark.SparkRuntime;
import dev.pearl.hf.spark.SparkShards;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code pearl train --spark MASTER}: HF with its sums over shards of the training set on Spark.
 * Only this class touches Spark, and it loads only when the option is given ({@link SparkOption}
 * checks first), so pearl.jar runs without Spark's jars otherwise. Closing stops the shards and the Spark context.
 */
final class SparkTraining implements AutoCloseable {
    private final JavaSparkContext spark;
    private final ShardedData data;
    private final Trainer<?, ?> trainer;

    private SparkTraining(JavaSparkContext spark, ShardedData data, Trainer<?, ?> trainer) {
        this.spark = spark;
        this.data = data;
        this.trainer = trainer;
    }

    static SparkTraining start(String master, int shards, RunConfig config, Batch training, Params like, int stepsPerRound) {
        HfSettings settings = (HfSettings) config.optimizer().settings();
        JavaSparkContext spark = SparkRuntime.open(master, "pearl train " + config.dataset());
        try {
            SparkShards runner = new SparkShards(spark, new AutoencoderSpec(config.layers(), config.weightCost()), training, like, shards, Reduction.ORDERED);
            ShardedData data = new ShardedData(runner, WeightCost.of(config.weightCost()), settings.plan(training).curvatureChunks(), config.seed(),
                    settings.lineSearchBatch());
            HessianFree hf = new HessianFree(data, settings.options(config.seed()));
            return new SparkTraining(spark, data, new Trainer<>(hf, stepsPerRound, new HfRows()));
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
            data.close();
        } finally {
            spark.stop();
        }
    }
}
