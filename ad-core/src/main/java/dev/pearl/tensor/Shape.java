package dev.pearl.tensor;

import java.util.Arrays;

/** An immutable tensor shape of rank 0..4 (row-major). */
public final class Shape {
    /** The highest rank a tensor may have. */
    public static final int MAX_RANK = 4;
    /** The rank-0 shape of a scalar: no dimensions, one element. */
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

    /**
     * A shape from its dimensions.
     *
     * @param dims the dimensions, outermost first, each &gt;= 0; none gives {@link #SCALAR}
     * @return the shape
     * @throws IllegalArgumentException for a rank above {@link #MAX_RANK}, a negative dimension,
     *         or more than 2³¹-1 elements
     */
    public static Shape of(int... dims) {
        return dims.length == 0 ? SCALAR : new Shape(dims.clone());
    }

    /**
     * The number of dimensions.
     *
     * @return 0 to {@link #MAX_RANK}
     */
    public int rank() {
        return dims.length;
    }

    /**
     * The length of one axis.
     *
     * @param axis the axis; negative counts from the end
     * @return its length
     * @throws IllegalArgumentException if the axis is out of range
     */
    public int dim(int axis) {
        return dims[normalizeAxis(axis)];
    }

    /**
     * The dimensions, outermost first.
     *
     * @return a copy of the dimensions
     */
    public int[] dims() {
        return dims.clone();
    }

    /**
     * Number of elements.
     *
     * @return the product of the dimensions (1 for a scalar)
     */
    public int size() {
        return (int) size;
    }

    /**
     * Row-major strides in elements.
     *
     * @return for each axis, the distance in elements between neighbours along it
     */
    public int[] strides() {
        int[] s = new int[dims.length];
        int acc = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= dims[i];
        }
        return s;
    }

    /**
     * Resolves a possibly negative axis (-1 = last) and checks it.
     *
     * @param axis an axis in [-rank, rank)
     * @return the axis in [0, rank)
     * @throws IllegalArgumentException if the axis is out of range
     */
    public int normalizeAxis(int axis) {
        int a = axis < 0 ? axis + dims.length : axis;
        if (a < 0 || a >= dims.length)
            throw new IllegalArgumentException("axis " + axis + " out of range for shape " + this);
        return a;
    }

    /**
     * This shape with the given dimension replaced.
     *
     * @param axis the axis; negative counts from the end
     * @param value its new length, &gt;= 0
     * @return the new shape
     * @throws IllegalArgumentException if the axis is out of range or value is negative
     */
    public Shape withDim(int axis, int value) {
        int[] d = dims.clone();
        d[normalizeAxis(axis)] = value;
        return new Shape(d);
    }

    /**
     * NumPy broadcasting of two shapes; {@code op} names the operation in the error.
     *
     * @param op the operation's name, for the error message
     * @param a one shape
     * @param b the other
     * @return the shape both broadcast to
     * @throws IllegalArgumentException if they do not broadcast
     */
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

    /**
     * True when this shape broadcasts to {@code target} (NumPy rules).
     *
     * @param target the shape to reach
     * @return whether every axis of this shape is 1 or target's length, aligned from the end
     */
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
