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

    @Override
    public CurvatureProduct at(Problem problem, Params theta, Batch batch, double structuralWeight) {
        if (!(structuralWeight >= 0) || Double.isInfinite(structuralWeight))
            throw new IllegalArgumentException("structural damping weight λμ must be finite and >= 0, got " + structuralWeight);
        if (structuralWeight == 0 || !problem.hasStructure()) return at(problem, theta, batch);
        return StructurallyDampedGaussNewton.at(problem, theta, batch, structuralWeight);
    }
}
