package dev.pearl.examples.bench;

import dev.pearl.Params;
import dev.pearl.hf.curvature.Curvature;
import dev.pearl.hf.curvature.CurvatureProduct;
import dev.pearl.hf.parallel.CaseSelection;
import dev.pearl.hf.parallel.LocalShards;
import dev.pearl.hf.parallel.Payload;
import dev.pearl.hf.parallel.ProblemSpec;
import dev.pearl.hf.parallel.ShardTask;
import dev.pearl.hf.parallel.ShardedData;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.spark.Reduction;
import dev.pearl.hf.spark.SparkRuntime;
import dev.pearl.hf.spark.SparkShards;
import dev.pearl.nn.Init;
import dev.pearl.nn.Losses;
import dev.pearl.nn.Mlp;
import dev.pearl.tensor.Backends;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Tensor;
import org.apache.spark.api.java.JavaSparkContext;

import java.util.Locale;

/** The measurements of {@link SparkBench}; the only bench class that touches Spark. */
final class SparkProductTimes {
    private SparkProductTimes() {
    }

    /** The bench's auto-encoder, as executors rebuild it. */
    private record Net(int[] sizes) implements ProblemSpec {
        @Override
        public Problem build() {
            Mlp mlp = Mlp.autoencoder(sizes);
            return Problem.ofModel(mlp::outputs, Losses.logisticCrossEntropy());
        }
    }

    static String measure(String master, int[] sizes, DType dtype, int cases, int shards, int repeats) {
        Net net = new Net(sizes);
        Params theta = Mlp.autoencoder(sizes).init(Init.sparse(15), Backends.defaultBackend(), dtype, 1);
        Params v = theta.map(t -> Tensor.randomNormal(2, dtype, t.shape().dims()));
        Tensor x = Tensor.randomUniform(3, dtype, cases, sizes[0]);
        Batch batch = Batch.of(x, x);
        Problem problem = net.build();
        ShardTask echo = (worker, t, vector) -> Payload.of(new double[0], vector, 1);
        JavaSparkContext spark = SparkRuntime.open(master, "pearl bench spark");
        try (ShardedData local = new ShardedData(new LocalShards(problem, batch, theta, shards, shards), problem.weightCost(), 1, 0);
             SparkShards runner = new SparkShards(spark, net, batch, theta, shards, Reduction.ORDERED);
             ShardedData onSpark = new ShardedData(runner, problem.weightCost(), 1, 0)) {
            CurvatureProduct inProcess = local.curvature(Curvature.gaussNewton(), theta, CaseSelection.ALL, 0);
            CurvatureProduct distributed = onSpark.curvature(Curvature.gaussNewton(), theta, CaseSelection.ALL, 0);
            Measurement localTimes = new Measurement(), sparkTimes = new Measurement(), fixed = new Measurement();
            for (int warm = 0; warm < 3; warm++) {
                inProcess.apply(v);
                distributed.apply(v);
                runner.sum(echo, theta, v);
            }
            for (int r = 0; r < repeats; r++) {
                localTimes.time(() -> inProcess.apply(v));
                sparkTimes.time(() -> distributed.apply(v));
                fixed.time(() -> runner.sum(echo, theta, v));
            }
            return String.format(Locale.ROOT, "{\"bench\":\"spark\",\"master\":\"%s\",\"sizes\":\"%s\",\"parameters\":%d,\"dtype\":\"%s\","
                            + "\"cases\":%d,\"shards\":%d,\"repeats\":%d,\"in_process_product_ms\":%.1f,\"spark_product_ms\":%.1f,"
                            + "\"spark_round_trip_ms\":%.1f}",
                    master, java.util.Arrays.toString(sizes).replace(" ", ""), theta.numel(), dtype, cases, shards, repeats,
                    1e3 * localTimes.median(), 1e3 * sparkTimes.median(), 1e3 * fixed.median());
        } finally {
            spark.stop();
        }
    }
}
