package dev.pearl.nn;

import dev.pearl.Ops;
import dev.pearl.tensor.Tensor;

/** Unit nonlinearities for layers. */
public enum Activation {
    LOGISTIC, TANH, RELU, LINEAR;

    public Tensor apply(Tensor a) {
        switch (this) {
            case LOGISTIC: return Ops.sigmoid(a);
            case TANH: return Ops.tanh(a);
            case RELU: return Ops.relu(a);
            default: return a;
        }
    }
}
