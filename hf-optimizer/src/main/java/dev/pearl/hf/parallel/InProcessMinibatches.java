package dev.pearl.hf.parallel;

import dev.pearl.Params;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Gradient;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.train.Minibatches;

/** Minibatches of a training set of this process, in {@link Minibatches}' seeded order. */
final class InProcessMinibatches implements MinibatchData {
    private final Problem problem;
    private final Minibatches minibatches;

    InProcessMinibatches(Problem problem, Batch training, int batchSize, long seed) {
        this.problem = problem;
        this.minibatches = new Minibatches(training, batchSize, seed);
    }

    @Override
    public int trainingSize() {
        return minibatches.trainingSize();
    }

    @Override
    public int perEpoch() {
        return minibatches.perEpoch();
    }

    @Override
    public Minibatch at(long index) {
        Minibatches.Minibatch m = minibatches.get(index);
        return new Minibatch(new InProcessData.BatchCases(m.cases()), m.cases().size(), m.epoch(), m.offset());
    }

    @Override
    public Gradient gradient(Params theta, Minibatch minibatch) {
        if (minibatch.cases() instanceof InProcessData.BatchCases b) return problem.gradient(theta, b.batch());
        throw new IllegalArgumentException("in-process minibatches cannot evaluate " + minibatch.cases() + ": it names no batch of this process");
    }
}
