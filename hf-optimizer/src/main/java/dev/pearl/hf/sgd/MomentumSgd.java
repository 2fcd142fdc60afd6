package dev.pearl.hf.sgd;

import dev.pearl.Params;
import dev.pearl.hf.cg.CgProgress;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Gradient;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.train.Optimizer;
import dev.pearl.hf.train.Seeds;
import dev.pearl.hf.train.Step;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Minibatch SGD with classical or Nesterov momentum (Sutskever et al. 2013):
 * v ← μv − ε∇f(θ + μv), θ ← θ + v (classical: ∇f(θ)). Each epoch visits the training cases in a
 * fresh order seeded by (seed, epoch); the last minibatch of an epoch may be smaller.
 */
public final class MomentumSgd implements Optimizer<SgdState, SgdIteration> {
    private final Problem problem;
    private final Batch training;
    private final SgdOptions options;
    private int shuffledEpoch = -1;
    private Batch shuffled;

    public MomentumSgd(Problem problem, Batch training, SgdOptions options) {
        this.problem = Objects.requireNonNull(problem, "problem");
        this.training = Objects.requireNonNull(training, "training");
        this.options = Objects.requireNonNull(options, "options");
    }

    public SgdOptions options() {
        return options;
    }

    /** Minibatch steps per pass over the training set. */
    public int stepsPerEpoch() {
        return (training.size() + options.batchSize() - 1) / options.batchSize();
    }

    @Override
    public SgdState start(Params initial) {
        if (!initial.isFinite()) throw new IllegalArgumentException("SGD: the initial parameters contain NaN or infinite values");
        return new SgdState(initial, initial.zerosLike(), 0);
    }

    @Override
    public Step<SgdState, SgdIteration> step(SgdState state, Consumer<CgProgress> ignored) {
        long t0 = System.nanoTime();
        int t = state.iteration();
        int epoch = t / stepsPerEpoch();
        int from = (t % stepsPerEpoch()) * options.batchSize();
        Batch minibatch = epochOrder(epoch).slice(from, Math.min(training.size(), from + options.batchSize()));

        double mu = options.momentum().at(t);
        double rate = options.learningRate();
        Params theta = state.parameters();
        Params velocity = state.velocity();
        Gradient g = problem.gradient(options.nesterov() ? theta.axpy(mu, velocity) : theta, minibatch);
        boolean finite = g.isFinite();
        Params nextVelocity = finite ? velocity.scale(mu).axpy(-rate, g.gradient()) : velocity.zerosLike();
        Params next = finite ? theta.add(nextVelocity) : theta;

        SgdState nextState = new SgdState(next, nextVelocity, t + 1);
        long casesSeen = (long) epoch * training.size() + from + minibatch.size();
        SgdIteration report = new SgdIteration(t + 1, g.loss(), g.objective(), rate, mu, epoch, casesSeen,
                (System.nanoTime() - t0) * 1e-9, finite);
        return new Step<>(nextState, report);
    }

    /** The training set in epoch {@code epoch}'s order (a seeded Fisher-Yates shuffle), cached for the epoch. */
    private Batch epochOrder(int epoch) {
        if (epoch != shuffledEpoch) {
            int n = training.size();
            int[] order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i;
            SplittableRandom random = new SplittableRandom(Seeds.mix(options.seed(), epoch));
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            shuffled = n == 1 ? training : training.rows(order);
            shuffledEpoch = epoch;
        }
        return shuffled;
    }
}
