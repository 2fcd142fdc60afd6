package dev.pearl.hf.curvature;

import dev.pearl.Params;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.nn.GaussNewton;

/** G v = Jᵀ H_L J v with the model linearized once per solve (ad-core's {@link GaussNewton}). */
final class GaussNewtonCurvature implements Curvature {
    static final GaussNewtonCurvature INSTANCE = new GaussNewtonCurvature();

    @Override
    public String name() {
        return "Gauss-Newton";
    }

    @Override
    public CurvatureProduct at(Problem problem, Params theta, Batch batch) {
        problem.requireModel("Gauss-Newton curvature");
        GaussNewton gn = GaussNewton.at(p -> problem.outputs().apply(p, batch.inputs()), problem.loss(), theta, batch.targets());
        return gn::apply;
    }
}
