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

    public abstract Shape shape();

    public abstract DType dtype();

    /** The backend holding this tensor's data. */
    public abstract Backend backend();

    /** The concrete value: this tensor itself, or a tracer's primal value. */
    public abstract DenseTensor concrete();

    public final int rank() {
        return shape().rank();
    }

    public final int size() {
        return shape().size();
    }

    public final int dim(int axis) {
        return shape().dim(axis);
    }

    public double[] toDoubleArray() {
        DenseTensor c = concrete();
        return c.backend().toDoubleArray(c);
    }

    public float[] toFloatArray() {
        DenseTensor c = concrete();
        return c.backend().toFloatArray(c);
    }

    /** The single value of a tensor of size 1. */
    public double item() {
        if (size() != 1) throw new IllegalArgumentException("item(): tensor of shape " + shape() + " has " + size() + " elements, not 1");
        return toDoubleArray()[0];
    }

    // ---- factories on the default backend ----

    public static Tensor of(double[] data, int... shape) {
        return Backends.defaultBackend().fromArray(data, checkLength(data.length, shape), DType.FLOAT64);
    }

    public static Tensor of(float[] data, int... shape) {
        return Backends.defaultBackend().fromArray(data, checkLength(data.length, shape), DType.FLOAT32);
    }

    public static Tensor of(DType dtype, double[] data, int... shape) {
        return Backends.defaultBackend().fromArray(data, checkLength(data.length, shape), dtype);
    }

    /** A row-major 2-D tensor from nested rows. */
    public static Tensor of(double[][] rows) {
        int m = rows.length, n = m == 0 ? 0 : rows[0].length;
        double[] flat = new double[m * n];
        for (int i = 0; i < m; i++) {
            if (rows[i].length != n) throw new IllegalArgumentException("ragged rows: row 0 has " + n + " values, row " + i + " has " + rows[i].length);
            System.arraycopy(rows[i], 0, flat, i * n, n);
        }
        return of(flat, m, n);
    }

    public static Tensor scalar(double value) {
        return scalar(value, DType.FLOAT64);
    }

    public static Tensor scalar(double value, DType dtype) {
        return Backends.defaultBackend().full(Shape.SCALAR, dtype, value);
    }

    public static Tensor zeros(DType dtype, int... shape) {
        return full(dtype, 0, shape);
    }

    public static Tensor ones(DType dtype, int... shape) {
        return full(dtype, 1, shape);
    }

    public static Tensor full(DType dtype, double value, int... shape) {
        return Backends.defaultBackend().full(Shape.of(shape), dtype, value);
    }

    /** Seeded N(0,1) samples. */
    public static Tensor randomNormal(long seed, DType dtype, int... shape) {
        return Backends.defaultBackend().randomNormal(Shape.of(shape), dtype, seed);
    }

    /** Seeded uniform samples in [0, 1). */
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
