package dev.pearl.tensor;

import java.util.Arrays;

/** An immutable tensor shape of rank 0..4 (row-major). */
public final class Shape {
    public static final int MAX_RANK = 4;
    public static final Shape SCALAR = new Shape(new int[0]);

    private final int[] dims;
    private final long size;

    private Shape(int[] dims) {
        if (dims.length > MAX_RANK)
            throw new IllegalArgumentException("rank " + dims.length + " > " + MAX_RANK + " in shape " + Arrays.toString(dims));
        long n = 1;
        for (int d : dims) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(dims));
            n *= d;
        }
        if (n > Integer.MAX_VALUE)
            throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " has more than 2^31-1 elements");
        this.dims = dims;
        this.size = n;
    }

    public static Shape of(int... dims) {
        return dims.length == 0 ? SCALAR : new Shape(dims.clone());
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int axis) {
        return dims[normalizeAxis(axis)];
    }

    public int[] dims() {
        return dims.clone();
    }

    /** Number of elements. */
    public int size() {
        return (int) size;
    }

    /** Row-major strides in elements. */
    public int[] strides() {
        int[] s = new int[dims.length];
        int acc = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= dims[i];
        }
        return s;
    }

    /** Resolves a possibly negative axis (-1 = last) and checks it. */
    public int normalizeAxis(int axis) {
        int a = axis < 0 ? axis + dims.length : axis;
        if (a < 0 || a >= dims.length)
            throw new IllegalArgumentException("axis " + axis + " out of range for shape " + this);
        return a;
    }

    /** This shape with the given dimension replaced. */
    public Shape withDim(int axis, int value) {
        int[] d = dims.clone();
        d[normalizeAxis(axis)] = value;
        return new Shape(d);
    }

    /** NumPy broadcasting of two shapes; {@code op} names the operation in the error. */
    public static Shape broadcast(String op, Shape a, Shape b) {
        if (a.equals(b)) return a;
        int r = Math.max(a.rank(), b.rank());
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i < r - a.rank() ? 1 : a.dims[i - (r - a.rank())];
            int db = i < r - b.rank() ? 1 : b.dims[i - (r - b.rank())];
            if (da != db && da != 1 && db != 1)
                throw new IllegalArgumentException(op + ": cannot broadcast shapes " + a + " and " + b);
            out[i] = da == 1 ? db : da;
        }
        return new Shape(out);
    }

    /** True when this shape broadcasts to {@code target} (NumPy rules). */
    public boolean broadcastsTo(Shape target) {
        if (rank() > target.rank()) return false;
        int off = target.rank() - rank();
        for (int i = 0; i < rank(); i++)
            if (dims[i] != 1 && dims[i] != target.dims[i + off]) return false;
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape && Arrays.equals(dims, ((Shape) o).dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(dims[i]);
        }
        return sb.append(']').toString();
    }
}
