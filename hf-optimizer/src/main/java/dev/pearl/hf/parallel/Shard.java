package dev.pearl.hf.parallel;

import dev.pearl.hf.problem.Batch;
import dev.pearl.tensor.Backends;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

import java.io.Serializable;

/**
 * One shard of the training set as plain arrays, to cache on whichever machine holds it: its
 * position among the shards, the index of its first case in the training set (which the curvature
 * chunks hash), and its inputs and targets in the data's dtype.
 *
 * @serial exclude
 */
public final class Shard implements Serializable {
    private static final long serialVersionUID = 1L;

    // Not final: Kryo fills the fields of an instance made without a constructor call.
    private int index;
    private long firstCase;
    private int[] inputShape;
    private Object inputs;
    private int[] targetShape;
    private Object targets;
    private boolean autoencoder;
    private DType dtype;
    private DType targetDtype;

    private Shard() {
    }

    /**
     * Shard {@code index} of {@code count} nearly equal contiguous shards of the training set.
     *
     * @param training the training set, with inputs
     * @param index the shard, in [0, count)
     * @param count the number of shards, in [1, training cases]
     * @return the shard, its values copied to host arrays
     * @throws IllegalArgumentException if training has no inputs or index or count is out of range
     */
    public static Shard cut(Batch training, int index, int count) {
        if (!training.hasInputs()) throw new IllegalArgumentException("sharded data needs a training set with inputs, got " + training);
        Batch part = training.chunk(index, count);
        Shard s = new Shard();
        s.index = index;
        s.firstCase = (long) index * training.size() / count;
        s.dtype = part.inputs().dtype();
        s.inputShape = part.inputs().shape().dims();
        s.inputs = values(part.inputs());
        s.autoencoder = part.hasTargets() && part.targets() == part.inputs();
        if (part.hasTargets() && !s.autoencoder) {
            s.targetDtype = part.targets().dtype();
            s.targetShape = part.targets().shape().dims();
            s.targets = values(part.targets());
        }
        return s;
    }

    private static Object values(Tensor t) {
        return t.dtype() == DType.FLOAT32 ? t.toFloatArray() : t.toDoubleArray();
    }

    private static Tensor tensor(Object values, int[] dims, DType dtype) {
        Shape shape = Shape.of(dims);
        return values instanceof float[] f ? Backends.defaultBackend().fromArray(f, shape, dtype)
                : Backends.defaultBackend().fromArray((double[]) values, shape, dtype);
    }

    /**
     * The shard's position among the shards.
     *
     * @return the index given to {@link #cut}
     */
    public int index() {
        return index;
    }

    /**
     * The training-set index of the shard's first case.
     *
     * @return the index
     */
    public long firstCase() {
        return firstCase;
    }

    /**
     * The shard's number of cases.
     *
     * @return the cases
     */
    public int size() {
        return inputShape[0];
    }

    /**
     * The cases as a batch on the default backend.
     *
     * @return a new batch of the shard's inputs and targets
     */
    public Batch batch() {
        Tensor in = tensor(inputs, inputShape, dtype);
        if (autoencoder) return Batch.of(in, in);
        return targets == null ? Batch.of(in) : Batch.of(in, tensor(targets, targetShape, targetDtype));
    }
}
