package dev.pearl.hf.problem;

import dev.pearl.Params;
import dev.pearl.tensor.Tensor;

/**
 * Any twice-differentiable scalar objective of the parameters on a batch. For the per-case
 * preconditioner and λ to keep their meaning it should average (not sum) over the batch's cases.
 */
@FunctionalInterface
public interface Objective {
    /**
     * The objective, differentiable in theta.
     *
     * @param theta the parameters
     * @param batch the cases (possibly {@link Batch#none()})
     * @return one element
     */
    Tensor value(Params theta, Batch batch);
}
