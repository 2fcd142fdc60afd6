package dev.pearl.hf.sgd;

import dev.pearl.Params;
import dev.pearl.hf.parallel.MinibatchSource;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.train.SavedState;

import java.util.Objects;

/**
 * Minibatch SGD with classical or Nesterov momentum (Sutskever et al. 2013):
 * v ← μ_t v − ε∇f(θ + μ_t v), θ ← θ + v (classical: ∇f(θ)). A non-finite gradient keeps θ and
 * resets the velocity.
 */
public final class MomentumSgd extends MinibatchOptimizer<SgdState> {
    private static final String UPDATES = "sgd.updates", VELOCITY = "sgd_velocity";

    private final SgdOptions options;

    /**
     * The optimizer on a problem and its training set.
     *
     * @param problem the function to minimise
     * @param training the training set the minibatches are cut from (a batch size above its size takes it whole)
     * @param options the settings
     * @throws NullPointerException if an argument is null
     */
    public MomentumSgd(Problem problem, Batch training, SgdOptions options) {
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
    public MomentumSgd(MinibatchSource data, SgdOptions options) {
        super(data, Objects.requireNonNull(options, "options").batchSize(), options.seed());
        this.options = options;
    }

    /**
     * The settings.
     *
     * @return the options given to the constructor
     */
    public SgdOptions options() {
        return options;
    }

    @Override
    protected String name() {
        return "SGD";
    }

    @Override
    protected SgdState initialState(Params initial) {
        return new SgdState(initial, initial.zerosLike(), 0);
    }

    @Override
    protected Params gradientPoint(SgdState state) {
        return options.nesterov() ? state.parameters().axpy(momentum(state.iteration()), state.velocity()) : state.parameters();
    }

    @Override
    protected SgdState update(SgdState state, Params gradient) {
        Params velocity = state.velocity().scale(momentum(state.iteration())).axpy(-options.learningRate(), gradient);
        return new SgdState(state.parameters().add(velocity), velocity, state.iteration() + 1);
    }

    @Override
    protected SgdState skip(SgdState state) {
        return new SgdState(state.parameters(), state.velocity().zerosLike(), state.iteration() + 1);
    }

    @Override
    protected double learningRate() {
        return options.learningRate();
    }

    @Override
    protected double momentum(int step) {
        return options.momentum().at(step);
    }

    @Override
    public SavedState save(SgdState state) {
        return new SavedState().putInteger(UPDATES, state.iteration()).putParams(VELOCITY, state.velocity());
    }

    @Override
    public SgdState restore(Params parameters, SavedState saved) {
        return new SgdState(parameters, saved.params(VELOCITY), Math.toIntExact(saved.integer(UPDATES)));
    }
}
