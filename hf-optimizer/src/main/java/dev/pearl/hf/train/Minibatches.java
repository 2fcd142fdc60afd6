package dev.pearl.hf.train;

import dev.pearl.hf.problem.Batch;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The training set cut into minibatches, pass after pass: pass e visits every case once in an
 * order drawn from (seed, e) by a Fisher-Yates shuffle, and minibatch i of the run is slice
 * i mod k of pass i / k (k minibatches per pass; the last of a pass may be smaller). The order
 * follows from the index alone, so a resumed run sees the same minibatches. A batch size of at
 * least the training set gives the whole set, unshuffled, every time.
 */
public final class Minibatches {
    /**
     * Minibatch {@code index} of the run: its cases, its pass over the set, and where in the pass it starts.
     *
     * @param cases  the minibatch's cases
     * @param epoch  the pass over the training set, from 0
     * @param offset the position of its first case in the pass's order
     */
    public record Minibatch(Batch cases, int epoch, int offset) {
    }

    private final Batch training;
    private final int batchSize;
    private final long seed;
    private int shuffledEpoch = -1;
    private Batch shuffled;

    /**
     * The minibatches of a training set.
     *
     * @param training the training set
     * @param batchSize cases per minibatch, &gt;= 1 (at most the training set is taken)
     * @param seed the base seed of the shuffles
     * @throws NullPointerException if training is null
     * @throws IllegalArgumentException if batchSize is below 1
     */
    public Minibatches(Batch training, int batchSize, long seed) {
        this.training = Objects.requireNonNull(training, "training");
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        this.batchSize = Math.min(batchSize, training.size());
        this.seed = seed;
    }

    /**
     * Cases per minibatch: the requested size, at most the training set.
     *
     * @return the batch size
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * The training set's number of cases.
     *
     * @return the cases
     */
    public int trainingSize() {
        return training.size();
    }

    /**
     * Minibatches per pass over the training set.
     *
     * @return ⌈training cases / batch size⌉
     */
    public int perEpoch() {
        return (training.size() + batchSize - 1) / batchSize;
    }

    /**
     * Minibatch {@code index} of the run.
     *
     * @param index the minibatch's number in the run, from 0
     * @return its cases, pass and offset
     * @throws IllegalArgumentException if index is negative
     */
    public Minibatch get(long index) {
        if (index < 0) throw new IllegalArgumentException("minibatch index must be >= 0, got " + index);
        int epoch = Math.toIntExact(index / perEpoch());
        int from = (int) (index % perEpoch()) * batchSize;
        if (batchSize == training.size()) return new Minibatch(training, epoch, 0);
        return new Minibatch(epochOrder(epoch).slice(from, Math.min(training.size(), from + batchSize)), epoch, from);
    }

    /** The training set in pass {@code epoch}'s order, cached for the pass. */
    private Batch epochOrder(int epoch) {
        if (epoch != shuffledEpoch) {
            int n = training.size();
            int[] order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i;
            SplittableRandom random = new SplittableRandom(Seeds.mix(seed, epoch));
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            shuffled = training.rows(order);
            shuffledEpoch = epoch;
        }
        return shuffled;
    }
}
