package dev.pearl.hf.parallel;

import dev.pearl.Params;
import dev.pearl.hf.problem.Gradient;

import java.util.Objects;

/**
 * The training set cut into minibatches, pass after pass, as a minibatch method asks for them:
 * minibatch {@code index} of the run and the objective's gradient on it. The order follows from the
 * index alone, so a resumed run sees the same minibatches. {@link MinibatchSource#inProcess} cuts a
 * batch of this process; {@link ShardedData#minibatches} cuts sharded data.
 */
public interface MinibatchData {
    /**
     * Minibatch {@code index} of the run: its cases, how many, its pass over the training set, and
     * how many cases of that pass came before it.
     *
     * @param cases the minibatch's cases
     * @param size how many cases it holds, &gt;= 1
     * @param epoch the pass over the training set, from 0
     * @param offset cases of the same pass in the minibatches before it
     */
    record Minibatch(Cases cases, int size, int epoch, long offset) {
        /**
         * Checks the values.
         *
         * @param cases the minibatch's cases
         * @param size how many cases it holds, &gt;= 1
         * @param epoch the pass over the training set, from 0
         * @param offset cases of the same pass in the minibatches before it
         * @throws NullPointerException if cases is null
         * @throws IllegalArgumentException if size is below 1 or epoch or offset negative
         */
        public Minibatch {
            Objects.requireNonNull(cases, "cases");
            if (size < 1 || epoch < 0 || offset < 0)
                throw new IllegalArgumentException("a minibatch needs >= 1 case and a pass and offset >= 0, got " + size + ", " + epoch + ", " + offset);
        }
    }

    /**
     * The training set's number of cases.
     *
     * @return the cases, &gt;= 1
     */
    int trainingSize();

    /**
     * Minibatches per pass over the training set.
     *
     * @return the minibatches of one pass, &gt;= 1
     */
    int perEpoch();

    /**
     * Minibatch {@code index} of the run.
     *
     * @param index the minibatch's number in the run, from 0
     * @return its cases, size, pass and offset
     * @throws IllegalArgumentException if index is negative
     */
    Minibatch at(long index);

    /**
     * Loss, objective (weight cost included) and the objective's gradient at θ on a minibatch.
     *
     * @param theta the parameters
     * @param minibatch the minibatch, from {@link #at}
     * @return the loss, objective and gradient
     */
    Gradient gradient(Params theta, Minibatch minibatch);
}
