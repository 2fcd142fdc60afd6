package dev.pearl.hf.curvature;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.ad.AD;
import dev.pearl.ad.Linearized;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.nn.Loss;
import dev.pearl.tensor.Tensor;

/**
 * The empirical Fisher F = (1/N) Σ_n ∇ℓ_n ∇ℓ_nᵀ. With U = ∂L/∂z (row n is ∇_z ℓ_n / N, since
 * L averages over cases), ∇ℓ_n = N J_nᵀ U_n, so F v = N · Jᵀ(U ∘ rowsum(U ∘ J v)): one tangent
 * and one transposed pass per product on a model linearized once.
 */
final class EmpiricalFisherCurvature implements Curvature {
    static final EmpiricalFisherCurvature INSTANCE = new EmpiricalFisherCurvature();

    @Override
    public String name() {
        return "empirical Fisher";
    }

    @Override
    public CurvatureProduct at(Problem problem, Params theta, Batch batch) {
        problem.requireModel("empirical Fisher curvature");
        Linearized model = AD.linearize(p -> Params.of("z", problem.outputs().apply(p, batch.inputs())), theta);
        Tensor z = model.output();
        Tensor u = problem.outputGradient(z, batch.targets());
        int cases = Loss.cases(z);
        return v -> {
            Tensor perCase = perCaseSum(Ops.mul(u, model.jvp(v).get(0)));
            return model.vjp(Params.of("z", Ops.mul(Ops.mul(u, perCase), cases)));
        };
    }

    /** Sums each case's row, keeping dimensions so the result broadcasts against the rows. */
    private static Tensor perCaseSum(Tensor t) {
        if (t.rank() == 0) return t;
        int first = t.rank() >= 2 ? 1 : 0;
        int[] axes = new int[t.rank() - first];
        for (int i = 0; i < axes.length; i++) axes[i] = first + i;
        return Ops.sum(t, true, axes);
    }
}
