package dev.pearl.examples.train;

import dev.pearl.hf.parallel.MinibatchSource;
import dev.pearl.hf.parallel.ShardRunner;
import dev.pearl.hf.parallel.ShardedData;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.hf.sgd.MinibatchIteration;
import dev.pearl.hf.sgd.MinibatchOptimizer;
import dev.pearl.hf.train.TrainingState;

import java.util.OptionalInt;

/** A minibatch method on the command line: run and measured the same way whatever its update rule. */
abstract class MinibatchChoice<O> extends OptimizerChoice<O> {
    MinibatchChoice(String key, String label, String summary) {
        super(key, label, summary);
    }

    /** The optimizer on the training data with these settings and the run's seed. */
    abstract MinibatchOptimizer<?> optimizer(MinibatchSource data, O settings, long seed);

    abstract int batchSize(O settings);

    @Override
    final OptionalInt minibatchSize(O settings) {
        return OptionalInt.of(batchSize(settings));
    }

    @Override
    final Trainer<?, ?> trainer(Problem problem, Batch training, O settings, long seed, int stepsPerRound) {
        return trainer(optimizer(MinibatchSource.inProcess(problem, training), settings, seed), stepsPerRound, training.size());
    }

    /** Minibatches of the shards are hashed chunks of at most the batch size (see {@link ShardedData#minibatches}). */
    @Override
    final Trainer<?, ?> shardedTrainer(ShardRunner runner, WeightCost weightCost, Batch training, O settings, long seed, int stepsPerRound) {
        return trainer(optimizer(new ShardedData(runner, weightCost, 1, seed), settings, seed), stepsPerRound, training.size());
    }

    @Override
    final int defaultStepsPerRound(O settings, int trainSize) {
        return TrainDefaults.minibatchStepsPerRound(trainSize, batchSize(settings));
    }

    private static <S extends TrainingState> Trainer<S, MinibatchIteration> trainer(MinibatchOptimizer<S> optimizer, int stepsPerRound, int trainSize) {
        return new Trainer<>(optimizer, stepsPerRound, new MinibatchRows<>(trainSize));
    }
}
