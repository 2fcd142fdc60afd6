package dev.pearl.hf.problem;

import dev.pearl.Ops;
import dev.pearl.tensor.Tensor;

import java.util.Objects;

/**
 * Training cases: inputs and (optionally) targets whose leading dimension indexes the cases.
 * Sub-batches are taken by contiguous slices ({@link #slice}, {@link #chunk}) or by row indices
 * ({@link #rows}). {@link #none()} stands for an objective that reads no data at all: one "case"
 * that every slice returns unchanged.
 */
public final class Batch {
    private static final Batch NONE = new Batch(null, null, 1);

    private final Tensor inputs;
    private final Tensor targets;
    private final int size;

    private Batch(Tensor inputs, Tensor targets, int size) {
        this.inputs = inputs;
        this.targets = targets;
        this.size = size;
    }

    /**
     * Inputs and targets with the same number of cases (leading dimension).
     *
     * @param inputs the inputs [cases, ...]
     * @param targets the targets [cases, ...]
     * @return the batch
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a tensor is a scalar, holds no cases, or the case counts differ
     */
    public static Batch of(Tensor inputs, Tensor targets) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(targets, "targets");
        int n = cases(inputs, "inputs");
        int m = cases(targets, "targets");
        if (n != m)
            throw new IllegalArgumentException("Batch: inputs " + inputs.shape() + " hold " + n + " cases but targets " + targets.shape() + " hold " + m);
        return new Batch(inputs, targets, n);
    }

    /**
     * Inputs without targets, for objectives that need none.
     *
     * @param inputs the inputs [cases, ...]
     * @return the batch
     * @throws NullPointerException if inputs is null
     * @throws IllegalArgumentException if inputs is a scalar or holds no cases
     */
    public static Batch of(Tensor inputs) {
        Objects.requireNonNull(inputs, "inputs");
        return new Batch(inputs, null, cases(inputs, "inputs"));
    }

    /**
     * No data: for an objective of the parameters alone (such as Rosenbrock's function).
     *
     * @return the batch without data, which counts as one case
     */
    public static Batch none() {
        return NONE;
    }

    private static int cases(Tensor t, String what) {
        if (t.rank() == 0) throw new IllegalArgumentException("Batch: " + what + " must have a leading case dimension, got a scalar");
        if (t.dim(0) == 0) throw new IllegalArgumentException("Batch: " + what + " " + t.shape() + " hold no cases");
        return t.dim(0);
    }

    /**
     * The number of cases.
     *
     * @return the leading dimension (1 for {@link #none()})
     */
    public int size() {
        return size;
    }

    /**
     * Whether the batch carries inputs.
     *
     * @return false only for {@link #none()}
     */
    public boolean hasInputs() {
        return inputs != null;
    }

    /**
     * Whether the batch carries targets.
     *
     * @return whether targets were given
     */
    public boolean hasTargets() {
        return targets != null;
    }

    /**
     * The inputs.
     *
     * @return [cases, ...]
     * @throws IllegalStateException if the batch has none
     */
    public Tensor inputs() {
        if (inputs == null) throw new IllegalStateException("this batch has no inputs");
        return inputs;
    }

    /**
     * The targets.
     *
     * @return [cases, ...]
     * @throws IllegalStateException if the batch has none
     */
    public Tensor targets() {
        if (targets == null) throw new IllegalStateException("this batch has no targets");
        return targets;
    }

    /**
     * Cases [from, to).
     *
     * @param from the first case
     * @param to one past the last case
     * @return a batch of to - from cases
     * @throws IllegalArgumentException if the range is empty or outside the batch
     */
    public Batch slice(int from, int to) {
        if (from < 0 || to > size || from >= to)
            throw new IllegalArgumentException("Batch.slice: [" + from + ", " + to + ") is not a non-empty range of the " + size + " cases");
        if (from == 0 && to == size) return this;
        Tensor in = sliceRows(inputs, from, to);
        // An auto-encoder's batch uses one tensor as inputs and targets: keep it shared.
        Tensor tg = targets == inputs ? in : sliceRows(targets, from, to);
        return new Batch(in, tg, to - from);
    }

    /**
     * Chunk {@code index} of {@code count} nearly equal contiguous chunks (sizes differ by at most one).
     *
     * @param index the chunk, in [0, count)
     * @param count the number of chunks, in [1, size]
     * @return the chunk
     * @throws IllegalArgumentException if count or index is out of range
     */
    public Batch chunk(int index, int count) {
        if (count < 1 || count > size)
            throw new IllegalArgumentException("Batch.chunk: cannot cut " + size + " cases into " + count + " chunks");
        if (index < 0 || index >= count)
            throw new IllegalArgumentException("Batch.chunk: chunk " + index + " of " + count + " does not exist");
        int from = (int) ((long) index * size / count);
        int to = (int) ((long) (index + 1) * size / count);
        return slice(from, to);
    }

    /**
     * The cases at the given row indices, in that order (copied).
     *
     * @param indices row numbers, each in [0, size), at least one
     * @return a batch of indices.length cases
     * @throws IllegalArgumentException if there are no indices or one is out of range
     */
    public Batch rows(int[] indices) {
        if (indices.length == 0) throw new IllegalArgumentException("Batch.rows: no rows selected");
        for (int i : indices)
            if (i < 0 || i >= size) throw new IllegalArgumentException("Batch.rows: row " + i + " is outside the " + size + " cases");
        if (inputs == null && targets == null) return this;
        Tensor in = gather(inputs, indices);
        Tensor tg = targets == inputs ? in : gather(targets, indices);
        return new Batch(in, tg, indices.length);
    }

    private static Tensor sliceRows(Tensor t, int from, int to) {
        return t == null ? null : Ops.slice(t, 0, from, to);
    }

    /** The rows copied on the tensor's own backend (a device backend moves nothing through the host). */
    private static Tensor gather(Tensor t, int[] rows) {
        return t == null ? null : Ops.gather(t, 0, rows);
    }

    @Override
    public String toString() {
        if (inputs == null) return "Batch{no data}";
        return "Batch{" + size + " cases, inputs " + inputs.shape() + (targets == null ? "" : ", targets " + targets.shape()) + "}";
    }
}
