package dev.pearl.examples.data;

import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

import java.util.Arrays;

/**
 * A set of n examples of dim values each, kept as one row-major float array (n × dim). Immutable:
 * accessors hand out copies, so a data set can be shared between threads and training runs.
 */
public final class Dataset {
    private final String name;
    private final int n;
    private final int dim;
    private final float[] values;

    /** Wraps values (row-major, n × dim) without copying; the caller gives up the array. */
    public Dataset(String name, int n, int dim, float[] values) {
        if (n < 0 || dim <= 0) throw new IllegalArgumentException(name + ": need n >= 0 and dim > 0, got n=" + n + ", dim=" + dim);
        if ((long) n * dim != values.length)
            throw new IllegalArgumentException(name + ": " + values.length + " values do not make " + n + " rows of " + dim);
        this.name = name;
        this.n = n;
        this.dim = dim;
        this.values = values;
    }

    /** Copies the rows into one data set; all rows must have the same length. */
    public static Dataset ofRows(String name, float[][] rows) {
        if (rows.length == 0) throw new IllegalArgumentException(name + ": no rows");
        int dim = rows[0].length;
        float[] flat = new float[Math.multiplyExact(rows.length, dim)];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != dim)
                throw new IllegalArgumentException(name + ": row " + i + " has " + rows[i].length + " values, row 0 has " + dim);
            System.arraycopy(rows[i], 0, flat, i * dim, dim);
        }
        return new Dataset(name, rows.length, dim, flat);
    }

    public String name() {
        return name;
    }

    /** Number of examples. */
    public int n() {
        return n;
    }

    /** Values per example (784 for 28×28 images). */
    public int dim() {
        return dim;
    }

    /** A copy of example i. */
    public float[] row(int i) {
        checkRange(i, i + 1);
        return Arrays.copyOfRange(values, i * dim, (i + 1) * dim);
    }

    /** Copies of all examples. */
    public float[][] rows() {
        return rows(0, n);
    }

    /** Copies of examples from (inclusive) to to (exclusive). */
    public float[][] rows(int from, int to) {
        checkRange(from, to);
        float[][] out = new float[to - from][];
        for (int i = from; i < to; i++) out[i - from] = Arrays.copyOfRange(values, i * dim, (i + 1) * dim);
        return out;
    }

    /** A copy of all values, row-major. */
    public float[] flat() {
        return values.clone();
    }

    /** The first count examples (all of them when count >= n). */
    public Dataset head(int count) {
        if (count < 0) throw new IllegalArgumentException(name + ": negative count " + count);
        if (count >= n) return this;
        return new Dataset(name, count, dim, Arrays.copyOf(values, count * dim));
    }

    /** All examples as an n × dim tensor. */
    public Tensor toTensor(Backend backend, DType dtype) {
        return toTensor(backend, dtype, 0, n);
    }

    /** Examples from (inclusive) to to (exclusive) as a (to - from) × dim tensor. */
    public Tensor toTensor(Backend backend, DType dtype, int from, int to) {
        checkRange(from, to);
        float[] part = from == 0 && to == n ? values : Arrays.copyOfRange(values, from * dim, to * dim);
        // fromArray copies, so handing it the backing array is safe.
        return backend.fromArray(part, Shape.of(to - from, dim), dtype);
    }

    private void checkRange(int from, int to) {
        if (from < 0 || to > n || from > to)
            throw new IndexOutOfBoundsException(name + ": rows [" + from + ", " + to + ") outside [0, " + n + ")");
    }

    @Override
    public String toString() {
        return name + " (" + n + " × " + dim + ")";
    }
}
