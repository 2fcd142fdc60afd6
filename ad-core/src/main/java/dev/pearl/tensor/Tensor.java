package dev.pearl.tensor;

/**
 * An immutable, row-major tensor of rank 0..4 in float32 or float64. A tensor is either concrete
 * ({@link DenseTensor}) or, inside a transform such as {@code grad} or {@code jvp}, a tracer that
 * carries a concrete primal value plus derivative information. User code treats both alike; the
 * static factories below create concrete tensors on the default backend.
 *
 * <p>Reading values ({@link #toDoubleArray()}, {@link #item()}) of a tracer reads its primal
 * value; such reads are not differentiated.
 */
public abstract class Tensor {
    /** For the two kinds of tensor: {@link DenseTensor} and the tracers of the transforms. */
    protected Tensor() {
    }

    /**
     * The dimensions.
     *
     * @return this tensor's shape
     */
    public abstract Shape shape();

    /**
     * The element type.
     *
     * @return float32 or float64
     */
    public abstract DType dtype();

    /**
     * The backend holding this tensor's data.
     *
     * @return the backend; inputs of one op must share it
     */
    public abstract Backend backend();

    /**
     * The concrete value: this tensor itself, or a tracer's primal value.
     *
     * @return a tensor that carries no derivative information
     */
    public abstract DenseTensor concrete();

    /**
     * The number of axes.
     *
     * @return 0 for a scalar up to 4
     */
    public final int rank() {
        return shape().rank();
    }

    /**
     * The number of elements.
     *
     * @return the product of the dimensions (1 for a scalar)
     */
    public final int size() {
        return shape().size();
    }

    /**
     * The length of one axis.
     *
     * @param axis the axis; negative counts from the end
     * @return its length
     * @throws IllegalArgumentException if the axis is out of range
     */
    public final int dim(int axis) {
        return shape().dim(axis);
    }

    /**
     * The elements as doubles in row-major order, copied to the host (a tracer's primal value).
     *
     * @return a new array of {@link #size()} elements
     */
    public double[] toDoubleArray() {
        DenseTensor c = concrete();
        return c.backend().toDoubleArray(c);
    }

    /**
     * The elements as floats in row-major order (float64 is rounded), copied to the host.
     *
     * @return a new array of {@link #size()} elements
     */
    public float[] toFloatArray() {
        DenseTensor c = concrete();
        return c.backend().toFloatArray(c);
    }

    /**
     * The single value of a tensor of size 1.
     *
     * @return the value as a double
     * @throws IllegalArgumentException if the tensor does not have exactly one element
     */
    public double item() {
        if (size() != 1) throw new IllegalArgumentException("item(): tensor of shape " + shape() + " has " + size() + " elements, not 1");
        return toDoubleArray()[0];
    }

    // ---- factories on the default backend ----

    /**
     * A float64 tensor on the default backend.
     *
     * @param data the elements in row-major order; copied
     * @param shape the dimensions, whose product is data.length
     * @return a new tensor
     * @throws IllegalArgumentException if data's length does not match the shape
     */
    public static Tensor of(double[] data, int... shape) {
        return Backends.defaultBackend().fromArray(data, checkLength(data.length, shape), DType.FLOAT64);
    }

    /**
     * A float32 tensor on the default backend.
     *
     * @param data the elements in row-major order; copied
     * @param shape the dimensions, whose product is data.length
     * @return a new tensor
     * @throws IllegalArgumentException if data's length does not match the shape
     */
    public static Tensor of(float[] data, int... shape) {
        return Backends.defaultBackend().fromArray(data, checkLength(data.length, shape), DType.FLOAT32);
    }

    /**
     * A tensor of the given dtype on the default backend.
     *
     * @param dtype the element type; data is rounded to it
     * @param data the elements in row-major order; copied
     * @param shape the dimensions, whose product is data.length
     * @return a new tensor
     * @throws IllegalArgumentException if data's length does not match the shape
     */
    public static Tensor of(DType dtype, double[] data, int... shape) {
        return Backends.defaultBackend().fromArray(data, checkLength(data.length, shape), dtype);
    }

    /**
     * A row-major 2-D float64 tensor from nested rows.
     *
     * @param rows the rows, all of one length
     * @return a new [rows.length, rows[0].length] tensor
     * @throws IllegalArgumentException if the rows differ in length
     */
    public static Tensor of(double[][] rows) {
        int m = rows.length, n = m == 0 ? 0 : rows[0].length;
        double[] flat = new double[m * n];
        for (int i = 0; i < m; i++) {
            if (rows[i].length != n) throw new IllegalArgumentException("ragged rows: row 0 has " + n + " values, row " + i + " has " + rows[i].length);
            System.arraycopy(rows[i], 0, flat, i * n, n);
        }
        return of(flat, m, n);
    }

    /**
     * A float64 scalar on the default backend.
     *
     * @param value the value
     * @return a new rank-0 tensor
     */
    public static Tensor scalar(double value) {
        return scalar(value, DType.FLOAT64);
    }

    /**
     * A scalar on the default backend.
     *
     * @param value the value, rounded to dtype
     * @param dtype the element type
     * @return a new rank-0 tensor
     */
    public static Tensor scalar(double value, DType dtype) {
        return Backends.defaultBackend().full(Shape.SCALAR, dtype, value);
    }

    /**
     * Zeros on the default backend.
     *
     * @param dtype the element type
     * @param shape the dimensions
     * @return a new tensor
     */
    public static Tensor zeros(DType dtype, int... shape) {
        return full(dtype, 0, shape);
    }

    /**
     * Ones on the default backend.
     *
     * @param dtype the element type
     * @param shape the dimensions
     * @return a new tensor
     */
    public static Tensor ones(DType dtype, int... shape) {
        return full(dtype, 1, shape);
    }

    /**
     * A tensor with every element equal to value, on the default backend.
     *
     * @param dtype the element type
     * @param value the value, rounded to dtype
     * @param shape the dimensions
     * @return a new tensor
     */
    public static Tensor full(DType dtype, double value, int... shape) {
        return Backends.defaultBackend().full(Shape.of(shape), dtype, value);
    }

    /**
     * Seeded N(0,1) samples on the default backend; the same seed gives the same tensor there.
     *
     * @param seed the random seed
     * @param dtype the element type
     * @param shape the dimensions
     * @return a new tensor
     */
    public static Tensor randomNormal(long seed, DType dtype, int... shape) {
        return Backends.defaultBackend().randomNormal(Shape.of(shape), dtype, seed);
    }

    /**
     * Seeded uniform samples in [0, 1) on the default backend.
     *
     * @param seed the random seed
     * @param dtype the element type
     * @param shape the dimensions
     * @return a new tensor
     */
    public static Tensor randomUniform(long seed, DType dtype, int... shape) {
        return Backends.defaultBackend().randomUniform(Shape.of(shape), dtype, seed, 0, 1);
    }

    private static Shape checkLength(int length, int[] shape) {
        Shape s = Shape.of(shape);
        if (s.size() != length)
            throw new IllegalArgumentException("data has " + length + " values but shape " + s + " needs " + s.size());
        return s;
    }

    @Override
    public String toString() {
        return TensorFormat.format(this);
    }
}
