package dev.pearl.hf.sgd;

import dev.pearl.Params;
import dev.pearl.hf.parallel.MinibatchSource;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.train.SavedState;

import java.util.Objects;

/**
 * Adam (Kingma &amp; Ba 2015, Algorithm 1): with t the step number from 1,
 * m ← β1·m + (1 − β1)·g, v ← β2·v + (1 − β2)·g², m̂ = m / (1 − β1^t), v̂ = v / (1 − β2^t),
 * θ ← θ − α·m̂ / (√v̂ + ε). A non-finite gradient keeps θ, m and v; the step still counts, so the
 * minibatch order and the bias corrections go on as in a run without it.
 */
public final class Adam extends MinibatchOptimizer<AdamState> {
    private static final String UPDATES = "adam.updates", MEAN = "adam_mean", MEAN_SQUARE = "adam_mean_square";

    private final AdamOptions options;

    /**
     * The optimizer on a problem and its training set.
     *
     * @param problem the function to minimise
     * @param training the training set the minibatches are cut from (a batch size above its size takes it whole)
     * @param options the settings
     * @throws NullPointerException if an argument is null
     */
    public Adam(Problem problem, Batch training, AdamOptions options) {
        this(MinibatchSource.inProcess(problem, training), options);
    }

    /**
     * The optimizer on training data that cuts its own minibatches (sharded data: {@link dev.pearl.hf.parallel.ShardedData}).
     *
     * @param data the training data
     * @param options the settings
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the data cannot be cut into minibatches of the options' batch size
     */
    public Adam(MinibatchSource data, AdamOptions options) {
        super(data, Objects.requireNonNull(options, "options").batchSize(), options.seed());
        this.options = options;
    }

    /**
     * The settings.
     *
     * @return the options given to the constructor
     */
    public AdamOptions options() {
        return options;
    }

    @Override
    protected String name() {
        return "Adam";
    }

    @Override
    protected AdamState initialState(Params initial) {
        return new AdamState(initial, initial.zerosLike(), initial.zerosLike(), 0);
    }

    @Override
    protected AdamState update(AdamState state, Params gradient) {
        int t = state.iteration() + 1;
        Params mean = Moments.average(state.mean(), gradient, options.beta1());
        Params meanSquare = Moments.average(state.meanSquare(), Moments.squares(gradient), options.beta2());
        double meanCorrection = 1 - Math.pow(options.beta1(), t), squareCorrection = 1 - Math.pow(options.beta2(), t);
        Params direction = Moments.scaled(mean, meanSquare, 1 / squareCorrection, options.epsilon());
        return new AdamState(state.parameters().axpy(-options.learningRate() / meanCorrection, direction), mean, meanSquare, t);
    }

    @Override
    protected AdamState skip(AdamState state) {
        return new AdamState(state.parameters(), state.mean(), state.meanSquare(), state.iteration() + 1);
    }

    @Override
    protected double learningRate() {
        return options.learningRate();
    }

    @Override
    protected double momentum(int step) {
        return options.beta1();
    }

    @Override
    public SavedState save(AdamState state) {
        return new SavedState().putInteger(UPDATES, state.iteration()).putParams(MEAN, state.mean()).putParams(MEAN_SQUARE, state.meanSquare());
    }

    @Override
    public AdamState restore(Params parameters, SavedState saved) {
        return new AdamState(parameters, saved.params(MEAN), saved.params(MEAN_SQUARE), Math.toIntExact(saved.integer(UPDATES)));
    }
}
