package dev.pearl.hf.curvature;

import dev.pearl.Params;
import dev.pearl.ad.AD;
import dev.pearl.ad.Linearized;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;

/**
 * H v of the data loss: the gradient function is linearized once (forward-over-reverse), so each
 * product is one tangent pass through the recorded gradient computation.
 */
final class HessianCurvature implements Curvature {
    static final HessianCurvature INSTANCE = new HessianCurvature();

    @Override
    public String name() {
        return "Hessian";
    }

    @Override
    public CurvatureProduct at(Problem problem, Params theta, Batch batch) {
        Linearized gradient = AD.linearize(p -> AD.grad(q -> problem.dataLoss(q, batch), p), theta);
        return gradient::jvp;
    }
}
