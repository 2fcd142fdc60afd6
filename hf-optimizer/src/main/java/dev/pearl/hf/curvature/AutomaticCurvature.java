package dev.pearl.hf.curvature;

import dev.pearl.Params;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;

/** Gauss-Newton when the problem has a model and loss, else the exact Hessian. */
final class AutomaticCurvature implements Curvature {
    static final AutomaticCurvature INSTANCE = new AutomaticCurvature();

    @Override
    public String name() {
        return "automatic (Gauss-Newton for models, Hessian for objectives)";
    }

    @Override
    public CurvatureProduct at(Problem problem, Params theta, Batch batch) {
        return (problem.isModel() ? Curvature.gaussNewton() : Curvature.hessian()).at(problem, theta, batch);
    }

    @Override
    public CurvatureProduct at(Problem problem, Params theta, Batch batch, double structuralWeight) {
        return (problem.isModel() ? Curvature.gaussNewton() : Curvature.hessian()).at(problem, theta, batch, structuralWeight);
    }
}
