package dev.pearl.trace;

import dev.pearl.tensor.Tensor;

/**
 * A tensor with a type (shape, dtype, backend) and deliberately no value, standing in where a
 * rule is entitled to read only the type. Reading its value is a bug; the error says whose.
 */
final class StandIn extends ShapedValue {
    private final String why;

    private StandIn(Tensor like, String why) {
        super(like.shape(), like.dtype(), like.backend());
        this.why = why;
    }

    /** The linear input (or output) of a recorded operation while it is transposed: VJP rules of linear uses read only its shape. */
    static StandIn transposed(Tensor like, Primitive p) {
        return new StandIn(like, "linearize: the recorded tangent map uses its input non-linearly in '" + p.name()
                + "', so it cannot be transposed (is a JVP rule non-linear in its tangents?)");
    }

    /** What reverse mode keeps of input i of p: the value when p's VJP rule reads it, else its type. */
    static Tensor keptInput(Tensor value, Primitive p, int i) {
        return p.vjpReadsInput(i) ? value : unread(value, "input " + i + " of '" + p.name() + "'");
    }

    /** What reverse mode keeps of p's output: the value when p's VJP rule reads it, else its type. */
    static Tensor keptOutput(Tensor value, Primitive p) {
        return p.vjpReadsOutput() ? value : unread(value, "the output of '" + p.name() + "'");
    }

    private static StandIn unread(Tensor value, String what) {
        return new StandIn(value, "reverse mode: the VJP rule read " + what
                + ", whose value it declares it does not need (vjpReadsInput / vjpReadsOutput), so it was not kept");
    }

    @Override
    Level level() {
        throw noValue();
    }

    @Override
    IllegalStateException noValue() {
        return new IllegalStateException(why);
    }
}
