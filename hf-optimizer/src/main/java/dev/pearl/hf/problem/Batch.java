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

    /** Inputs and targets with the same number of cases (leading dimension). */
    public static Batch of(Tensor inputs, Tensor targets) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(targets, "targets");
        int n = cases(inputs, "inputs");
        int m = cases(targets, "targets");
        if (n != m)
            throw new IllegalArgumentException("Batch: inputs " + inputs.shape() + " hold " + n + " cases but targets " + targets.shape() + " hold " + m);
        return new Batch(inputs, targets, n);
    }

    /** Inputs without targets, for objectives that need none. */
    public static Batch of(Tensor inputs) {
        Objects.requireNonNull(inputs, "inputs");
        return new Batch(inputs, null, cases(inputs, "inputs"));
    }

    /** No data: for an objective of the parameters alone (such as Rosenbrock's function). */
    public static Batch none() {
        return NONE;
    }

    private static int cases(Tensor t, String what) {
        if (t.rank() == 0) throw new IllegalArgumentException("Batch: " + what + " must have a leading case dimension, got a scalar");
        if (t.dim(0) == 0) throw new IllegalArgumentException("Batch: " + what + " " + t.shape() + " hold no cases");
        return t.dim(0);
    }

    public int size() {
        return size;
    }

    public boolean hasInputs() {
        return inputs != null;
    }

    public boolean hasTargets() {
        return targets != null;
    }

    public Tensor inputs() {
        if (inputs == null) throw new IllegalStateException("this batch has no inputs");
        return inputs;
    }

    public Tensor targets() {
        if (targets == null) throw new IllegalStateException("this batch has no targets");
        return targets;
    }

    /** Cases [from, to). */
    public Batch slice(int from, int to) {
        if (from < 0 || to > size || from >= to)
            throw new IllegalArgumentException("Batch.slice: [" + from + ", " + to + ") is not a non-empty range of the " + size + " cases");
        if (from == 0 && to == size) return this;
        Tensor in = sliceRows(inputs, from, to);
        // An auto-encoder's batch uses one tensor as inputs and targets: keep it shared.
        Tensor tg = targets == inputs ? in : sliceRows(targets, from, to);
        return new Batch(in, tg, to - from);
    }

    /** Chunk {@code index} of {@code count} nearly equal contiguous chunks (sizes differ by at most one). */
    public Batch chunk(int index, int count) {
        if (count < 1 || count > size)
            throw new IllegalArgumentException("Batch.chunk: cannot cut " + size + " cases into " + count + " chunks");
        if (index < 0 || index >= count)
            throw new IllegalArgumentException("Batch.chunk: chunk " + index + " of " + count + " does not exist");
        int from = (int) ((long) index * size / count);
        int to = (int) ((long) (index + 1) * size / count);
        return slice(from, to);
    }

    /** The cases at the given row indices, in that order (copied). */
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
