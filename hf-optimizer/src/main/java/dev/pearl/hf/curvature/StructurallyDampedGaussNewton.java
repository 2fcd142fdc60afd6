package dev.pearl.hf.curvature;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.ad.AD;
import dev.pearl.ad.Linearized;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.Structural;
import dev.pearl.hf.problem.StructuredOutputs;
import dev.pearl.nn.Loss;
import dev.pearl.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * (G + w·S) v with S = Σ_k J_kᵀ D_k J_k, the Gauss-Newton matrix of the structural losses
 * (Martens &amp; Sutskever 2011, §4.2), w = λμ. θ ↦ (z, s_1 … s_K) is linearized once, so one
 * tangent pass gives J_z v and every J_k v, and one transposed pass of (H_L J_z v, w D_k J_k v)
 * gives the sum: about the cost of one plain Gauss-Newton product.
 */
final class StructurallyDampedGaussNewton implements CurvatureProduct {
    private final Linearized model;
    private final Loss loss;
    private final Tensor targets;
    private final List<UnaryOperator<Tensor>> weightedD;

    private StructurallyDampedGaussNewton(Linearized model, Loss loss, Tensor targets, List<UnaryOperator<Tensor>> weightedD) {
        this.model = model;
        this.loss = loss;
        this.targets = targets;
        this.weightedD = weightedD;
    }

    static StructurallyDampedGaussNewton at(Problem problem, Params theta, Batch batch, double weight) {
        Tensor inputs = batch.inputs();
        List<StructuredOutputs> seen = new ArrayList<>(1);
        Linearized lin = AD.linearize(p -> {
            StructuredOutputs out = problem.structuredModel().apply(p, inputs);
            seen.add(out);
            Params.Builder b = Params.builder().add("z", out.outputs());
            for (int k = 0; k < out.structural().size(); k++) b.add("s" + k, out.structural().get(k).value());
            return b.build();
        }, theta);
        Loss.checkTargets(problem.loss().name(), lin.output(), batch.targets());
        List<Structural> declared = seen.get(0).structural();
        List<UnaryOperator<Tensor>> weighted = new ArrayList<>(declared.size());
        for (int k = 0; k < declared.size(); k++) {
            UnaryOperator<Tensor> d = declared.get(k).loss().hessianAt(lin.value().get(k + 1));
            weighted.add(v -> Ops.mul(d.apply(v), weight));
        }
        return new StructurallyDampedGaussNewton(lin, problem.loss(), batch.targets(), weighted);
    }

    @Override
    public Params apply(Params v) {
        Params jv = model.jvp(v);
        Params.Builder u = Params.builder().add("z", loss.hessianVector(model.output(), targets, jv.get(0)));
        for (int k = 0; k < weightedD.size(); k++) u.add(jv.name(k + 1), weightedD.get(k).apply(jv.get(k + 1)));
        return model.vjp(u.build());
    }

    /** w Σ_k (J_k v)ᵀ D_k (J_k v): one tangent pass, no transposed one. */
    @Override
    public double structuralTerm(Params v) {
        Params jv = model.jvp(v);
        double sum = 0;
        for (int k = 0; k < weightedD.size(); k++) {
            Tensor js = jv.get(k + 1);
            sum += Ops.sum(Ops.mul(js, weightedD.get(k).apply(js))).item();
        }
        return sum;
    }
}
