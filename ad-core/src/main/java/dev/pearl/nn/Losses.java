package dev.pearl.nn;

import dev.pearl.Ops;
import dev.pearl.tensor.Tensor;

/** The matching loss / output-nonlinearity pairs. */
public final class Losses {
    private Losses() {
    }

    /**
     * Logistic outputs with binary cross-entropy, summed over outputs, averaged over cases:
     * L = (1/N) Σ softplus(z) - y·z (the cross-entropy of sigmoid(z) against y, without its
     * log(0) hazards). H_L = diag(p(1-p))/N with p = sigmoid(z). Targets lie in [0, 1].
     *
     * @return the loss, with sigmoid outputs
     */
    public static Loss logisticCrossEntropy() {
        return new Loss() {
            @Override
            public String name() {
                return "logistic cross-entropy";
            }

            @Override
            public Tensor value(Tensor z, Tensor y) {
                Loss.checkTargets(name(), z, y);
                return Ops.mul(Ops.logisticCrossEntropy(z, y), 1.0 / Loss.cases(z));
            }

            @Override
            public Tensor predict(Tensor z) {
                return Ops.sigmoid(z);
            }

            @Override
            public Tensor hessianVector(Tensor z, Tensor y, Tensor v) {
                Tensor p = Ops.sigmoid(z);
                return Ops.mul(Ops.mul(v, Ops.mul(p, Ops.sub(1, p))), 1.0 / Loss.cases(z));
            }
        };
    }

    /**
     * Softmax outputs with cross-entropy against target distributions (one-hot rows for labels),
     * averaged over cases: L = (1/N) Σ_n logsumexp(z_n) - y_n·z_n.
     * H_L v = (p∘v - p (pᵀv))/N per case, p = softmax(z).
     *
     * @return the loss, with softmax outputs over the last axis
     */
    public static Loss softmaxCrossEntropy() {
        return new Loss() {
            @Override
            public String name() {
                return "softmax cross-entropy";
            }

            @Override
            public Tensor value(Tensor z, Tensor y) {
                Loss.checkTargets(name(), z, y);
                int axis = z.rank() - 1;
                Tensor perCase = Ops.sub(Ops.logSumExp(z, axis, false), Ops.sum(Ops.mul(y, z), axis));
                return Ops.mul(Ops.sum(perCase), 1.0 / Loss.cases(z));
            }

            @Override
            public Tensor predict(Tensor z) {
                return Ops.softmax(z, z.rank() - 1);
            }

            @Override
            public Tensor hessianVector(Tensor z, Tensor y, Tensor v) {
                return softmaxHessianVector(z, v);
            }
        };
    }

    /**
     * Softmax outputs with cross-entropy against class labels: targets are a tensor [cases] of
     * class numbers 0..C-1 for outputs z [cases, C], held as whole numbers in z's dtype (so that
     * batches slice and shuffle them with the inputs and they stay on z's backend).
     * L = (1/N) Σ_n logsumexp(z_n) - z_n[label_n], the one-hot form's value without building
     * one-hot rows on the host; H_L is the one-hot form's, which does not depend on the targets.
     * A label that is not a class number is an error naming how many there are.
     *
     * @return the loss, with softmax outputs over the last axis
     */
    public static Loss softmaxCrossEntropyWithLabels() {
        return new LabelledSoftmax();
    }

    /** H_L v = (p∘v - p (pᵀv))/N per case, p = softmax(z) along the last axis. */
    static Tensor softmaxHessianVector(Tensor z, Tensor v) {
        int axis = z.rank() - 1;
        Tensor p = Ops.softmax(z, axis);
        Tensor pv = Ops.mul(p, v);
        return Ops.mul(Ops.sub(pv, Ops.mul(p, Ops.sum(pv, true, axis))), 1.0 / Loss.cases(z));
    }

    /**
     * Identity outputs with squared error: L = (1/N) Σ ½(z - y)², H_L = I/N.
     *
     * @return the loss, with identity outputs
     */
    public static Loss squaredError() {
        return new Loss() {
            @Override
            public String name() {
                return "squared error";
            }

            @Override
            public Tensor value(Tensor z, Tensor y) {
                Loss.checkTargets(name(), z, y);
                return Ops.mul(Ops.sum(Ops.square(Ops.sub(z, y))), 0.5 / Loss.cases(z));
            }

            @Override
            public Tensor predict(Tensor z) {
                return z;
            }

            @Override
            public Tensor hessianVector(Tensor z, Tensor y, Tensor v) {
                return Ops.mul(v, 1.0 / Loss.cases(z));
            }
        };
    }
}
