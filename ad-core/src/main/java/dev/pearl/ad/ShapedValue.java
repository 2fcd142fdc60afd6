package dev.pearl.ad;

import dev.pearl.DType;
import dev.pearl.DenseTensor;
import dev.pearl.Shape;
import dev.pearl.Tensor;
import dev.pearl.backend.Backend;

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
