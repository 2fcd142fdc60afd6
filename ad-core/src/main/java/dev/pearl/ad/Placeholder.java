package dev.pearl.ad;

import dev.pearl.DType;
import dev.pearl.Shape;
import dev.pearl.backend.Backend;

/**
 * Stands for the linear input of a recorded operation while it is transposed: VJP rules of
 * linear uses only read its shape. Any attempt to compute with it means the recorded map was
 * not linear in that input.
 */
final class Placeholder extends ShapedValue {
    private final String op;

    Placeholder(Shape shape, DType dtype, Backend backend, String op) {
        super(shape, dtype, backend);
        this.op = op;
    }

    @Override
    Level level() {
        throw noValue();
    }

    @Override
    IllegalStateException noValue() {
        return new IllegalStateException("linearize: the recorded tangent map uses its input non-linearly in '" + op
                + "', so it cannot be transposed (is a JVP rule non-linear in its tangents?)");
    }
}
