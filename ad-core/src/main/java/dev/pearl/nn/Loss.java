package dev.pearl.nn;

import dev.pearl.tensor.Tensor;

/**
 * A loss on a model's output pre-activations z ([cases, outputs]) that knows its matching output
 * nonlinearity and its Hessian with respect to z. Matching (Schraudolph 2002) means the loss is
 * convex in z, so H_L is positive semi-definite and so is the Gauss-Newton matrix G = Jᵀ H_L J.
 * Values are summed over outputs and averaged over cases; H_L carries the same 1/cases.
 */
public interface Loss {
    /**
     * The loss's name, for messages ("softmax cross-entropy").
     *
     * @return the name
     */
    String name();

    /**
     * The scalar loss, differentiable in z.
     *
     * @param z the output pre-activations [cases, outputs]
     * @param targets what the predictions should be (shape as {@link #checkShapes} requires)
     * @return the loss summed over outputs and averaged over cases, one element
     * @throws IllegalArgumentException if targets do not fit z
     */
    Tensor value(Tensor z, Tensor targets);

    /**
     * The predictions the loss compares with the targets: the output nonlinearity applied to z.
     *
     * @param z the output pre-activations
     * @return predictions shaped like z
     */
    Tensor predict(Tensor z);

    /**
     * H_L v, the Hessian of {@link #value} with respect to z applied to v (shaped like z).
     *
     * @param z the output pre-activations
     * @param targets the targets
     * @param v a direction in output space, shaped like z
     * @return H_L v, shaped like z
     */
    Tensor hessianVector(Tensor z, Tensor targets, Tensor v);

    /**
     * Throws an error naming the loss and both shapes when targets do not fit outputs z; by default they must have z's shape.
     *
     * @param z the output pre-activations
     * @param targets the targets
     * @throws IllegalArgumentException if they do not fit
     */
    default void checkShapes(Tensor z, Tensor targets) {
        checkTargets(name(), z, targets);
    }

    /**
     * Number of cases: the leading dimension of a rank &gt;= 2 output, else 1.
     *
     * @param z outputs
     * @return the number of cases the loss averages over
     */
    static int cases(Tensor z) {
        return z.rank() >= 2 ? z.dim(0) : 1;
    }

    /**
     * The default shape check: targets must have z's shape.
     *
     * @param loss the loss's name, for the error message
     * @param z the outputs
     * @param targets the targets
     * @throws IllegalArgumentException if the shapes differ
     */
    static void checkTargets(String loss, Tensor z, Tensor targets) {
        if (!z.shape().equals(targets.shape()))
            throw new IllegalArgumentException(loss + ": outputs " + z.shape() + " and targets " + targets.shape() + " differ in shape");
    }
}
