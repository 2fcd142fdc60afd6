package dev.pearl.trace;

import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

/** A tracer that knows its type (shape, dtype, backend) but holds no value. */
abstract class ShapedValue extends Tracer {
    private final Shape shape;
    private final DType dtype;
    private final Backend backend;

    ShapedValue(Shape shape, DType dtype, Backend backend) {
        this.shape = shape;
        this.dtype = dtype;
        this.backend = backend;
    }

    /** Why there is no value to read. */
    abstract RuntimeException noValue();

    @Override
    Tensor primal() {
        throw noValue();
    }

    @Override
    public DenseTensor concrete() {
        throw noValue();
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public Backend backend() {
        return backend;
    }
}
