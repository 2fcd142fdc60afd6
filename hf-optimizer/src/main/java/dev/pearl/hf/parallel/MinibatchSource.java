package dev.pearl.hf.parallel;

import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;

import java.util.Objects;

/**
 * Training data a minibatch method (SGD, Adam, RMSProp, L-BFGS) cuts into minibatches of the size
 * its settings ask for: a batch of this process ({@link #inProcess}), the default, or
 * {@link ShardedData} spread over local threads or a Spark cluster.
 */
public interface MinibatchSource {
    /**
     * The data cut into minibatches.
     *
     * @param batchSize cases per minibatch, &gt;= 1 (a size of at least the training set gives the whole set every time)
     * @param seed the seed of the order of each pass
     * @return the minibatches
     * @throws IllegalArgumentException if the data cannot be cut into minibatches of that size
     */
    MinibatchData minibatches(int batchSize, long seed);

    /**
     * A problem on a training set of this process: each pass visits the cases in a seeded shuffle
     * ({@link dev.pearl.hf.train.Minibatches}).
     *
     * @param problem the function to minimise
     * @param training the training set
     * @return the source
     * @throws NullPointerException if an argument is null
     */
    static MinibatchSource inProcess(Problem problem, Batch training) {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(training, "training");
        return (batchSize, seed) -> new InProcessMinibatches(problem, training, batchSize, seed);
    }
}
