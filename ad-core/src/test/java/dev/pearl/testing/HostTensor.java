package dev.pearl.testing;

import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

import java.util.Arrays;

/** Tensor data held in Java, independent of any backend: test inputs and reference results. */
public record HostTensor(Shape shape, double[] values) {
    public HostTensor {
        if (values.length != shape.size())
            throw new IllegalArgumentException(values.length + " values for shape " + shape);
    }

    public static HostTensor of(Tensor t) {
        return new HostTensor(t.shape(), t.toDoubleArray());
    }

    public Tensor on(Backend backend, DType dtype) {
        return backend.fromArray(values, shape, dtype);
    }

    /** The same tensor with every value rounded to float32 (and held as double). */
    public HostTensor roundedToFloat() {
        double[] r = new double[values.length];
        for (int i = 0; i < r.length; i++) r[i] = (float) values[i];
        return new HostTensor(shape, r);
    }

    public double maxAbs() {
        double m = 0;
        for (double v : values) m = Math.max(m, Math.abs(v));
        return m;
    }

    @Override
    public String toString() {
        return shape + (values.length <= 32 ? " " + Arrays.toString(values) : " (" + values.length + " values)");
    }
}
