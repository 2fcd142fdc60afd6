package dev.pearl.nn;

import dev.pearl.tensor.Tensor;

/**
 * A loss on a model's output pre-activations z ([cases, outputs]) that knows its matching output
 * nonlinearity and its Hessian with respect to z. Matching (Schraudolph 2002) means the loss is
 * convex in z, so H_L is positive semi-definite and so is the Gauss-Newton matrix G = Jᵀ H_L J.
 * Values are summed over outputs and averaged over cases; H_L carries the same 1/cases.
 */
public interface Loss {
    String name();

    /** The scalar loss, differentiable in z. */
    Tensor value(Tensor z, Tensor targets);

    /** The predictions the loss compares with the targets: the output nonlinearity applied to z. */
    Tensor predict(Tensor z);

    /** H_L v, the Hessian of {@link #value} with respect to z applied to v (shaped like z). */
    Tensor hessianVector(Tensor z, Tensor targets, Tensor v);

    /** Throws an error naming the loss and both shapes when targets do not fit outputs z; by default they must have z's shape. */
    default void checkShapes(Tensor z, Tensor targets) {
        checkTargets(name(), z, targets);
    }

    /** Number of cases: the leading dimension of a rank >= 2 output, else 1. */
    static int cases(Tensor z) {
        return z.rank() >= 2 ? z.dim(0) : 1;
    }

    static void checkTargets(String loss, Tensor z, Tensor targets) {
        if (!z.shape().equals(targets.shape()))
            throw new IllegalArgumentException(loss + ": outputs " + z.shape() + " and targets " + targets.shape() + " differ in shape");
    }
}
