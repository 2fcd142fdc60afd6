package dev.pearl.hf.problem;

import dev.pearl.Ops;
import dev.pearl.nn.Loss;
import dev.pearl.tensor.Tensor;

import java.util.function.UnaryOperator;

/**
 * The loss that structural damping puts on a change of one structural value s (Martens &amp;
 * Sutskever 2011, §4.2), given by its Hessian D with respect to s. D is fixed at the current
 * point and carries the same 1/cases as the data losses, so μ keeps its meaning across batch
 * sizes. s is shaped [cases, ...].
 */
public interface StructuralLoss {
    /**
     * The loss's name, for messages.
     *
     * @return the name
     */
    String name();

    /**
     * v ↦ D v at the structural value {@code s} (computed once per point, then applied to many v).
     *
     * @param s the structural value at the current point
     * @return the map v ↦ D v
     */
    UnaryOperator<Tensor> hessianAt(Tensor s);

    /**
     * For tanh units, s their pre-activations a: the matching loss of h = tanh(a), whose
     * gradient in a is tanh(a) − tanh(a₀), so D = diag(1 − h²)/cases. Summed over units.
     *
     * @return the loss
     */
    static StructuralLoss tanhPreActivations() {
        return new StructuralLoss() {
            @Override
            public String name() {
                return "tanh matching loss on pre-activations";
            }

            @Override
            public UnaryOperator<Tensor> hessianAt(Tensor a) {
                Tensor d = Ops.mul(Ops.tanhSlope(Ops.tanh(a)), 1.0 / Loss.cases(a));
                return v -> Ops.mul(d, v);
            }
        };
    }

    /**
     * ½‖s − s₀‖²/cases, D = I/cases: for linear units or any value without a matching loss.
     *
     * @return the loss
     */
    static StructuralLoss squared() {
        return new StructuralLoss() {
            @Override
            public String name() {
                return "squared change";
            }

            @Override
            public UnaryOperator<Tensor> hessianAt(Tensor s) {
                double scale = 1.0 / Loss.cases(s);
                return v -> Ops.mul(v, scale);
            }
        };
    }
}
