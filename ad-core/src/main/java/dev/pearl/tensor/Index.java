package dev.pearl.tensor;

import dev.pearl.backend.ScatterPlan;

import java.util.Arrays;

/**
 * Immutable integer data with a shape, held on the host: token ids for an embedding lookup,
 * positions for a gather, the index tables behind convolutions and pooling. Indices select
 * elements; they are never differentiated. By convention -1 selects nothing (a gather gives 0
 * there, a scatter-add drops the value): padding in a convolution, or a padding token.
 *
 * <p>Backends may keep a device copy keyed by the object's identity, so an index built once
 * (a convolution's table, a fixed label set) travels to a device once.
 */
public final class Index {
    private final Shape shape;
    private final int[] values;
    private final int min, max;
    /** The scatter plan of the last size asked for (see {@link #scatterPlan}). */
    private volatile ScatterPlan plan;

    private Index(int[] values, Shape shape) {
        if (values.length != shape.size())
            throw new IllegalArgumentException("index: " + values.length + " values do not fit shape " + shape + " (" + shape.size() + " values)");
        this.shape = shape;
        this.values = values;
        int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
        for (int v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        this.min = lo;
        this.max = hi;
    }

    /**
     * A 1-D index holding a copy of {@code values}.
     *
     * @param values the indices, each &gt;= -1 where it selects a position
     * @return a new index of shape [values.length]
     */
    public static Index of(int... values) {
        return new Index(values.clone(), Shape.of(values.length));
    }

    /**
     * An index of the given shape holding a copy of {@code values} (row-major).
     *
     * @param values the indices
     * @param shape the shape, whose size equals values.length
     * @return a new index
     * @throws IllegalArgumentException if values and shape differ in size
     */
    public static Index of(int[] values, Shape shape) {
        return new Index(values.clone(), shape);
    }

    /**
     * An index of the given dimensions holding a copy of {@code values} (row-major).
     *
     * @param values the indices
     * @param dims the dimensions, whose product equals values.length
     * @return a new index
     * @throws IllegalArgumentException if values and dims differ in size
     */
    public static Index of(int[] values, int... dims) {
        return new Index(values.clone(), Shape.of(dims));
    }

    /**
     * The index's shape (what a gather puts in place of the indexed axis).
     *
     * @return the shape
     */
    public Shape shape() {
        return shape;
    }

    /**
     * The number of values.
     *
     * @return the product of the shape's dimensions
     */
    public int size() {
        return values.length;
    }

    /**
     * One value, by its row-major position.
     *
     * @param i in [0, {@link #size()})
     * @return the value at i
     */
    public int get(int i) {
        return values[i];
    }

    /**
     * A copy of the values, row-major.
     *
     * @return a new array
     */
    public int[] toArray() {
        return values.clone();
    }

    /**
     * Copies the values into {@code dst} from {@code offset} on.
     *
     * @param dst the array to fill, with room for {@link #size()} values from offset
     * @param offset where the first value goes
     */
    public void copyTo(int[] dst, int offset) {
        System.arraycopy(values, 0, dst, offset, values.length);
    }

    /**
     * The smallest value (Integer.MAX_VALUE when empty).
     *
     * @return the minimum
     */
    public int min() {
        return min;
    }

    /**
     * The largest value (Integer.MIN_VALUE when empty).
     *
     * @return the maximum
     */
    public int max() {
        return max;
    }

    /**
     * Checks that every value selects one of {@code size} positions or is -1; the error names
     * the first offending value, its position and what it indexes ({@code op} and {@code what}).
     *
     * @param size the number of positions the values select from
     * @param op the operation, for the error message
     * @param what what is indexed, for the error message
     * @throws IllegalArgumentException if a value is outside [-1, size)
     */
    public void checkRange(int size, String op, String what) {
        if (min >= -1 && max < size) return;
        for (int i = 0; i < values.length; i++) {
            int v = values[i];
            if (v < -1 || v >= size)
                throw new IllegalArgumentException(op + ": index " + v + " at position " + i + " of index " + shape
                        + " is out of range for " + what + " (valid 0.." + (size - 1) + ", or -1 for none)");
        }
    }

    /**
     * Number of values that select something (not -1), per row of {@code rowLength} values.
     *
     * @param rowLength the values per row, dividing {@link #size()}
     * @return one count per row
     * @throws IllegalArgumentException if rowLength is not positive or does not divide the size
     */
    public int[] selectedPerRow(int rowLength) {
        if (rowLength <= 0 || values.length % rowLength != 0)
            throw new IllegalArgumentException("index " + shape + ": rows of " + rowLength + " values do not divide " + values.length);
        int[] counts = new int[values.length / rowLength];
        for (int i = 0; i < values.length; i++) if (values[i] >= 0) counts[i / rowLength]++;
        return counts;
    }

    /**
     * For backends: the inverse of this index over {@code size} positions, which turns a
     * scatter-add into a gather-and-sum without write conflicts. Kept for the last size asked.
     *
     * @param size the number of positions scattered into
     * @return the plan
     * @throws IllegalArgumentException if a value is outside [-1, size)
     */
    public ScatterPlan scatterPlan(int size) {
        ScatterPlan p = plan;
        if (p == null || p.size() != size) {
            checkRange(size, "scatterAdd", "an axis of size " + size);
            p = ScatterPlan.of(values, size);
            plan = p;
        }
        return p;
    }

    @Override
    public String toString() {
        return "Index" + shape + (values.length <= 16 ? " " + Arrays.toString(values) : "");
    }
}
