package dev.pearl.hf.sgd;

import dev.pearl.Params;
import dev.pearl.hf.parallel.MinibatchSource;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.train.SavedState;

import java.util.Objects;

/**
 * RMSProp (Tieleman &amp; Hinton 2012, lecture 6.5): v ← ρ·v + (1 − ρ)·g², θ ← θ − ε·g / (√v + δ),
 * with v starting at zero. A non-finite gradient keeps θ and v.
 */
public final class RmsProp extends MinibatchOptimizer<RmsPropState> {
    private static final String UPDATES = "rmsprop.updates", MEAN_SQUARE = "rmsprop_mean_square";

    private final RmsPropOptions options;

    /**
     * The optimizer on a problem and its training set.
     *
     * @param problem the function to minimise
     * @param training the training set the minibatches are cut from (a batch size above its size takes it whole)
     * @param options the settings
     * @throws NullPointerException if an argument is null
     */
    public RmsProp(Problem problem, Batch training, RmsPropOptions options) {
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
    public RmsProp(MinibatchSource data, RmsPropOptions options) {
        super(data, Objects.requireNonNull(options, "options").batchSize(), options.seed());
        this.options = options;
    }

    /**
     * The settings.
     *
     * @return the options given to the constructor
     */
    public RmsPropOptions options() {
        return options;
    }

    @Override
    protected String name() {
        return "RMSProp";
    }

    @Override
    protected RmsPropState initialState(Params initial) {
        return new RmsPropState(initial, initial.zerosLike(), 0);
    }

    @Override
    protected RmsPropState update(RmsPropState state, Params gradient) {
        Params meanSquare = Moments.average(state.meanSquare(), Moments.squares(gradient), options.decay());
        Params step = Moments.scaled(gradient, meanSquare, 1, options.epsilon());
        return new RmsPropState(state.parameters().axpy(-options.learningRate(), step), meanSquare, state.iteration() + 1);
    }

    @Override
    protected RmsPropState skip(RmsPropState state) {
        return new RmsPropState(state.parameters(), state.meanSquare(), state.iteration() + 1);
    }

    @Override
    protected double learningRate() {
        return options.learningRate();
    }

    @Override
    protected double momentum(int step) {
        return 0;
    }

    @Override
    public SavedState save(RmsPropState state) {
        return new SavedState().putInteger(UPDATES, state.iteration()).putParams(MEAN_SQUARE, state.meanSquare());
    }

    @Override
    public RmsPropState restore(Params parameters, SavedState saved) {
        return new RmsPropState(parameters, saved.params(MEAN_SQUARE), Math.toIntExact(saved.integer(UPDATES)));
    }
}
