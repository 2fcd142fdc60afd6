package dev.pearl.nn;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

/** Unit nonlinearities for layers; each is also a {@link Layer} of its own in a {@link Sequential}. */
public enum Activation implements Layer {
    /** The logistic sigmoid 1 / (1 + e⁻ᵃ), values in (0, 1). */
    LOGISTIC,
    /** The hyperbolic tangent, values in (-1, 1). */
    TANH,
    /** max(a, 0). */
    RELU,
    /** The identity: no nonlinearity. */
    LINEAR;

    /**
     * The nonlinearity applied elementwise.
     *
     * @param a pre-activations, any shape
     * @return activations shaped like a
     */
    public Tensor apply(Tensor a) {
        switch (this) {
            case LOGISTIC: return Ops.sigmoid(a);
            case TANH: return Ops.tanh(a);
            case RELU: return Ops.relu(a);
            default: return a;
        }
    }

    @Override
    public String kind() {
        return name().toLowerCase();
    }

    @Override
    public Shape outputShape(Shape input) {
        return input;
    }

    @Override
    public Tensor apply(Params p, String prefix, Tensor x) {
        return apply(x);
    }

    @Override
    public CasesLayout casesLayout() {
        return CasesLayout.EITHER;
    }

    @Override
    public Tensor applyCasesLast(Params p, String prefix, Tensor x) {
        return apply(x);
    }
}
