package dev.pearl.hf.lbfgs;

import dev.pearl.hf.train.IterationReport;

/**
 * One L-BFGS step.
 *
 * @param iteration      the step just completed (from 1)
 * @param loss           the batch's data loss at the new θ
 * @param objective      that loss plus the weight cost
 * @param stepSize       α the line search accepted (0 when θ did not move)
 * @param evaluations    gradients computed in this step, the line search's included
 * @param lineSearch     the conditions the accepted α meets (null when there was no search)
 * @param historySize    curvature pairs after the step
 * @param batch          the index of the batch the step used
 * @param casesEvaluated cases whose gradients were computed so far
 * @param seconds        wall-clock time of the step
 * @param accepted       false when θ did not move
 */
public record LbfgsIteration(int iteration, double loss, double objective, double stepSize, int evaluations,
                             WolfeLineSearch.Outcome lineSearch, int historySize, long batch, long casesEvaluated, double seconds,
                             boolean accepted) implements IterationReport {
}
