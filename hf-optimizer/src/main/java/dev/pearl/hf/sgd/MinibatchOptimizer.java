package dev.pearl.hf.sgd;

import dev.pearl.Params;
import dev.pearl.hf.cg.CgProgress;
import dev.pearl.hf.parallel.MinibatchData;
import dev.pearl.hf.parallel.MinibatchSource;
import dev.pearl.hf.problem.Gradient;
import dev.pearl.hf.train.Resumable;
import dev.pearl.hf.train.Step;
import dev.pearl.hf.train.TrainingState;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The loop every minibatch gradient method shares: step t takes minibatch t of the seeded order of
 * its {@link MinibatchData} (in process, or sharded over threads or a Spark cluster), computes the
 * objective's gradient (weight cost included) at the point the method names, and hands it to the
 * method's update. A gradient that is not finite never reaches θ: {@link #skip} keeps θ and drops
 * what the bad step would have spoiled.
 *
 * @param <S> the method's state between steps
 */
public abstract class MinibatchOptimizer<S extends TrainingState> implements Resumable<S, MinibatchIteration> {
    private final MinibatchData minibatches;

    /**
     * The loop on training data that cuts its own minibatches.
     *
     * @param data the training data
     * @param batchSize cases per minibatch, as the data accepts it
     * @param seed base seed of the order of each pass
     * @throws NullPointerException if data is null
     * @throws IllegalArgumentException if the data cannot be cut into minibatches of that size
     */
    protected MinibatchOptimizer(MinibatchSource data, int batchSize, long seed) {
        this.minibatches = Objects.requireNonNull(data, "data").minibatches(batchSize, seed);
    }

    /**
     * Minibatch steps per pass over the training set.
     *
     * @return ⌈training cases / batch size⌉
     */
    public int stepsPerEpoch() {
        return minibatches.perEpoch();
    }

    @Override
    public final S start(Params initial) {
        if (!initial.isFinite()) throw new IllegalArgumentException(name() + ": the initial parameters contain NaN or infinite values");
        return initialState(initial);
    }

    @Override
    public final Step<S, MinibatchIteration> step(S state, Consumer<CgProgress> ignored) {
        long t0 = System.nanoTime();
        int t = state.iteration();
        MinibatchData.Minibatch minibatch = minibatches.at(t);
        Gradient g = minibatches.gradient(gradientPoint(state), minibatch);
        boolean finite = g.isFinite();
        S next = finite ? update(state, g.gradient()) : skip(state);
        long casesSeen = (long) minibatch.epoch() * minibatches.trainingSize() + minibatch.offset() + minibatch.size();
        MinibatchIteration report = new MinibatchIteration(t + 1, g.loss(), g.objective(), learningRate(), momentum(t), minibatch.epoch(),
                casesSeen, (System.nanoTime() - t0) * 1e-9, finite);
        return new Step<>(next, report);
    }

    /**
     * The method's name in messages: "SGD", "Adam".
     *
     * @return the name
     */
    protected abstract String name();

    /**
     * The state before the first step, around finite parameters.
     *
     * @param initial θ0, finite
     * @return the state at step 0
     */
    protected abstract S initialState(Params initial);

    /**
     * Where the gradient of {@code state}'s step is taken: θ, unless the method looks ahead.
     *
     * @param state the state before the step
     * @return the point of the gradient
     */
    protected Params gradientPoint(S state) {
        return state.parameters();
    }

    /**
     * The state after a step with the finite minibatch gradient {@code gradient}, its step count one higher.
     *
     * @param state the state before the step
     * @param gradient the minibatch gradient at {@link #gradientPoint}, finite
     * @return the state after the step
     */
    protected abstract S update(S state, Params gradient);

    /**
     * The state after a step whose gradient was not finite: θ kept, the step count one higher.
     *
     * @param state the state before the step
     * @return the state after the skipped step
     */
    protected abstract S skip(S state);

    /**
     * The step size, for the reports.
     *
     * @return the learning rate
     */
    protected abstract double learningRate();

    /**
     * The momentum of step {@code step} (from 0), for the reports.
     *
     * @param step the step, from 0
     * @return the momentum coefficient the method uses at that step (Adam: β1; 0 for methods without one)
     */
    protected abstract double momentum(int step);
}
