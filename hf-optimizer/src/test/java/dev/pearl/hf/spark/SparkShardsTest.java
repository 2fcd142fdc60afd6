package dev.pearl.hf.spark;

import dev.pearl.Params;
import dev.pearl.hf.HessianFree;
import dev.pearl.hf.HfOptions;
import dev.pearl.hf.HfState;
import dev.pearl.hf.cg.CgOptions;
import dev.pearl.hf.curvature.Curvature;
import dev.pearl.hf.curvature.CurvatureProduct;
import dev.pearl.hf.lbfgs.Lbfgs;
import dev.pearl.hf.lbfgs.LbfgsOptions;
import dev.pearl.hf.parallel.CaseSelection;
import dev.pearl.hf.parallel.LocalShards;
import dev.pearl.hf.parallel.ShardRunner;
import dev.pearl.hf.parallel.ShardedData;
import dev.pearl.hf.parallel.SmallNet;
import dev.pearl.hf.parallel.StepCases;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Gradient;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.sgd.Adam;
import dev.pearl.hf.sgd.AdamOptions;
import dev.pearl.hf.train.StopCondition;
import dev.pearl.hf.train.TrainingListener;
import dev.pearl.hf.train.TrainingLoop;
import dev.pearl.tensor.DType;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sharded HF on Martens' plan and stochastic (and Adam and L-BFGS on hashed minibatches) on Spark local[2] against the same shards on local threads: equal bit for bit when
 * Spark adds the shards' results in order, within 1e-10 relative with treeAggregate (which adds
 * them in another order: float64 rounding, a few ulps, grown by at most three CG solves).
 */
class SparkShardsTest {
    private static final SmallNet NET = SmallNet.DEFAULT;
    private static final int CASES = 300, SHARDS = 4, CHUNKS = 3, PRODUCTS = 25, ITERATIONS = 3;
    private static final double TREE_TOLERANCE = 1e-10;

    /** Everything the acceptance compares, from one implementation; the baselines too, on hashed minibatches. */
    private record Results(double loss, Params gradient, List<Params> products, Params trained, double trainedLoss, Params adam, Params lbfgs) {
    }

    private static Results evaluate(ShardedData data) {
        Params theta = NET.init(DType.FLOAT64, 2);
        Gradient g = data.gradient(theta, CaseSelection.ALL);
        StepCases cases = data.at(0, 1);
        CurvatureProduct gn = data.curvature(Curvature.gaussNewton(), theta, cases.curvature(), 0);
        // A Krylov-like chain of directions, as CG would ask for.
        List<Params> products = new ArrayList<>();
        Params v = g.gradient();
        for (int k = 0; k < PRODUCTS; k++) {
            Params gv = gn.apply(v);
            products.add(gv);
            v = gv.scale(1 / gv.norm()).add(v.scale(0.5 / v.norm()));
        }
        HessianFree hf = new HessianFree(data, HfOptions.martens().withSeed(5).withCg(CgOptions.martens().withMaxIterations(15)));
        HfState end = TrainingLoop.run(hf, hf.start(theta), StopCondition.afterIterations(ITERATIONS), TrainingListener.none());
        // 64-case minibatches: 5 per pass over the 300 cases, so 6 steps cross into the second pass.
        Adam adam = new Adam(data, AdamOptions.defaults().withBatchSize(64).withLearningRate(1e-2).withSeed(3));
        Params adamEnd = TrainingLoop.run(adam, adam.start(theta), StopCondition.afterIterations(6), TrainingListener.none()).parameters();
        Lbfgs lbfgs = new Lbfgs(data, LbfgsOptions.defaults().withBatchSize(100).withStepsPerBatch(2).withSeed(3));
        Params lbfgsEnd = TrainingLoop.run(lbfgs, lbfgs.start(theta), StopCondition.afterIterations(4), TrainingListener.none()).parameters();
        return new Results(g.loss(), g.gradient(), products, end.parameters(), data.objective(end.parameters(), CaseSelection.ALL), adamEnd, lbfgsEnd);
    }

    private static Results local(Batch training) {
        Problem problem = NET.build();
        try (ShardedData d = new ShardedData(new LocalShards(problem, training, NET.init(DType.FLOAT64, 2), SHARDS, 2), problem.weightCost(), CHUNKS, 7)) {
            return evaluate(d);
        }
    }

    private static Results spark(Batch training, Reduction reduction) {
        JavaSparkContext spark = TestSpark.context();
        Problem problem = NET.build();
        SparkShards shards = new SparkShards(spark, NET, training, NET.init(DType.FLOAT64, 2), SHARDS, reduction);
        Results r;
        try (ShardedData d = new ShardedData(shards, problem.weightCost(), CHUNKS, 7)) {
            r = evaluate(d);
            assertTrue(spark.sc().getPersistentRDDs().size() >= 1, "the shards should be cached while the run lasts");
        }
        assertEquals(0, shards.liveBroadcasts(), "broadcasts left after close");
        assertTrue(spark.sc().getPersistentRDDs().isEmpty(), "cached RDDs left after close: " + spark.sc().getPersistentRDDs());
        return r;
    }

    @Test
    void orderedReductionEqualsLocalShardsBitForBit() {
        Batch training = NET.data(CASES, DType.FLOAT64, 1);
        Results expected = local(training), actual = spark(training, Reduction.ORDERED);
        assertEquals(expected.loss(), actual.loss(), 0.0);
        assertBitwise(expected.gradient(), actual.gradient(), "gradient");
        for (int k = 0; k < PRODUCTS; k++) assertBitwise(expected.products().get(k), actual.products().get(k), "product " + k);
        assertBitwise(expected.trained(), actual.trained(), "θ after " + ITERATIONS + " HF iterations");
        assertEquals(expected.trainedLoss(), actual.trainedLoss(), 0.0);
        assertTrue(expected.trainedLoss() < expected.loss(), "HF should lower the objective");
        assertBitwise(expected.adam(), actual.adam(), "θ after 6 Adam steps");
        assertBitwise(expected.lbfgs(), actual.lbfgs(), "θ after 4 L-BFGS steps");
    }

    @Test
    void treeAggregateAgreesToTenDigits() {
        Batch training = NET.data(CASES, DType.FLOAT64, 1);
        Results expected = local(training), actual = spark(training, Reduction.TREE);
        assertEquals(expected.loss(), actual.loss(), TREE_TOLERANCE * Math.abs(expected.loss()));
        assertRelative(expected.gradient(), actual.gradient(), "gradient");
        for (int k = 0; k < PRODUCTS; k++) assertRelative(expected.products().get(k), actual.products().get(k), "product " + k);
        assertRelative(expected.trained(), actual.trained(), "θ after " + ITERATIONS + " HF iterations");
        assertEquals(expected.trainedLoss(), actual.trainedLoss(), TREE_TOLERANCE * Math.abs(expected.trainedLoss()));
        assertRelative(expected.adam(), actual.adam(), "θ after 6 Adam steps");
        assertRelative(expected.lbfgs(), actual.lbfgs(), "θ after 4 L-BFGS steps");
    }

    /** Stochastic HF (gradient chunks of about 100 of the 300 cases, curvature on half of each) for 4 iterations. */
    private static Params stochasticHf(ShardRunner runner) {
        Params theta = NET.init(DType.FLOAT64, 2);
        try (ShardedData d = ShardedData.stochastic(runner, NET.build().weightCost(), 100, 64, 7)) {
            HessianFree hf = new HessianFree(d, HfOptions.martens().withSeed(5).withCg(CgOptions.martens().withMaxIterations(15)));
            return TrainingLoop.run(hf, hf.start(theta), StopCondition.afterIterations(4), TrainingListener.none()).parameters();
        }
    }

    @Test
    void stochasticHfOnSparkEqualsLocalShardsBitForBit() {
        Batch training = NET.data(CASES, DType.FLOAT64, 1);
        Params expected = stochasticHf(new LocalShards(NET.build(), training, NET.init(DType.FLOAT64, 2), SHARDS, 2));
        JavaSparkContext spark = TestSpark.context();
        SparkShards shards = new SparkShards(spark, NET, training, NET.init(DType.FLOAT64, 2), SHARDS, Reduction.ORDERED);
        Params actual = stochasticHf(shards);
        assertEquals(0, shards.liveBroadcasts(), "broadcasts left after close");
        assertTrue(spark.sc().getPersistentRDDs().isEmpty(), "cached RDDs left after close: " + spark.sc().getPersistentRDDs());
        assertTrue(expected.sub(NET.init(DType.FLOAT64, 2)).norm() > 0.01, "stochastic HF should move θ");
        assertBitwise(expected, actual, "θ after 4 stochastic HF iterations");
    }

    private static void assertBitwise(Params expected, Params actual, String what) {
        for (int i = 0; i < expected.size(); i++)
            assertArrayEquals(expected.get(i).toDoubleArray(), actual.get(i).toDoubleArray(), what + ", " + expected.name(i));
    }

    private static void assertRelative(Params expected, Params actual, String what) {
        double off = expected.sub(actual).norm();
        assertTrue(off <= TREE_TOLERANCE * expected.norm(), what + ": off by " + off + " of " + expected.norm());
    }
}
