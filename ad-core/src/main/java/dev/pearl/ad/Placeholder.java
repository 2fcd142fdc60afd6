package dev.pearl.ad;

import dev.pearl.DType;
import dev.pearl.DenseTensor;
import dev.pearl.Shape;
import dev.pearl.Tensor;
import dev.pearl.backend.Backend;

/**
 * Stands for the linear input of a recorded operation while it is transposed: VJP rules of
 * linear uses only read its shape. Any attempt to compute with it means the recorded map was
 * not linear in that input.
 */
final class Placeholder extends Tracer {
    private final Shape shape;
    private final DType dtype;
    private final Backend backend;
    private final String op;

    Placeholder(Shape shape, DType dtype, Backend backend, String op) {
        this.shape = shape;
        this.dtype = dtype;
        this.backend = backend;
        this.op = op;
    }

    @Override
    Level level() {
        throw nonLinear();
    }

    private IllegalStateException nonLinear() {
        return new IllegalStateException("linearize: the recorded tangent map uses its input non-linearly in '" + op
                + "', so it cannot be transposed (is a JVP rule non-linear in its tangents?)");
    }

    @Override
    Tensor primal() {
        throw nonLinear();
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

    @Override
    public DenseTensor concrete() {
        throw nonLinear();
    }
}
