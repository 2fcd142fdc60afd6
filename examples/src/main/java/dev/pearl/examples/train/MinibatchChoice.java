package dev.pearl.examples.train;

import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.sgd.MinibatchIteration;
import dev.pearl.hf.sgd.MinibatchOptimizer;
import dev.pearl.hf.train.TrainingState;

/** A minibatch method on the command line: run and measured the same way whatever its update rule. */
abstract class MinibatchChoice<O> extends OptimizerChoice<O> {
    MinibatchChoice(String key, String label, String summary) {
        super(key, label, summary);
    }

    /** The optimizer with these settings and the run's seed. */
    abstract MinibatchOptimizer<?> optimizer(Problem problem, Batch training, O settings, long seed);

    abstract int batchSize(O settings);

    @Override
    final Trainer<?, ?> trainer(Problem problem, Batch training, O settings, long seed, int stepsPerRound) {
        return trainer(optimizer(problem, training, settings, seed), stepsPerRound, training.size());
    }

    @Override
    final int defaultStepsPerRound(O settings, int trainSize) {
        return TrainDefaults.minibatchStepsPerRound(trainSize, batchSize(settings));
    }

    private static <S extends TrainingState> Trainer<S, MinibatchIteration> trainer(MinibatchOptimizer<S> optimizer, int stepsPerRound, int trainSize) {
        return new Trainer<>(optimizer, stepsPerRound, new MinibatchRows<>(trainSize));
    }
}
