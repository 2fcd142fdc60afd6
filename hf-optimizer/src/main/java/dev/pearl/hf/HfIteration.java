package dev.pearl.hf;

import dev.pearl.hf.cg.CgStop;
import dev.pearl.hf.train.IterationReport;

/**
 * One HF iteration, as a listener sees it.
 *
 * @param iteration          the iteration just completed (from 1)
 * @param loss               data loss at the new θ on the line-search batch (on the gradient batch
 *                           for a step rejected before the line search)
 * @param objective          loss + weight cost at the new θ on the line-search batch (likewise)
 * @param previousObjective  objective at the old θ on the gradient batch
 * @param lambda             the damping λ this iteration's CG used
 * @param rho                reduction ratio on the curvature batch (−∞ for an untrustworthy step)
 * @param cgIterations       CG steps
 * @param cgStop             why CG stopped (null when the iteration ended before CG)
 * @param backtrackIterate   the CG step count of the iterate backtracking chose
 * @param stepSize           the line-search rate (0: step rejected)
 * @param curvatureProducts  curvature-vector products made (CG's, one of them for a warm start)
 * @param curvatureChunk     the curvature chunk used
 * @param gradientSeconds    time for the gradient and the preconditioner
 * @param cgSeconds          time for the curvature linearization and CG
 * @param lineSearchSeconds  time for backtracking, ρ and the line search
 * @param seconds            the whole iteration
 * @param measures           sizes of the gradient and step, the model's promise and the outcome, M's range
 */
public record HfIteration(int iteration, double loss, double objective, double previousObjective, double lambda, double rho,
                          int cgIterations, CgStop cgStop, int backtrackIterate, double stepSize, int curvatureProducts,
                          int curvatureChunk, double gradientSeconds, double cgSeconds, double lineSearchSeconds,
                          double seconds, StepMeasures measures) implements IterationReport {

    @Override
    public boolean accepted() {
        return stepSize > 0;
    }
}
