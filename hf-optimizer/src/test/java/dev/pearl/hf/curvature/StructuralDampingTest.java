package dev.pearl.hf.curvature;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.ad.AD;
import dev.pearl.hf.TinyRnn;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.MaskedSequenceLoss;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.Structural;
import dev.pearl.hf.problem.StructuralLoss;
import dev.pearl.hf.problem.StructuredOutputs;
import dev.pearl.hf.problem.TanhRnnModel;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.pearl.hf.TinyModel.direction;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StructuralDampingTest {
    private static final int CASES = 6;
    private static final double WEIGHT = 0.7;
    private final Problem structured = TinyRnn.structured();
    private final Batch batch = TinyRnn.data(CASES, 3);
    private final Params theta = TinyRnn.theta(5);

    /**
     * wᵀ(G + λμS)v against the same bilinear form built from central differences of the model's
     * outputs and pre-activations, with H_L (1/N on each case's target step) and
     * D = diag(1 − tanh(a)²)/N written out here. Several (w, v) pairs pin the whole matrix.
     */
    @Test
    void dampedProductMatchesFiniteDifferences() {
        CurvatureProduct product = Curvature.gaussNewton().at(structured, theta, batch, WEIGHT);
        StructuredOutputs at = structured.structuredModel().apply(theta, batch.inputs());
        for (int pair = 0; pair < 3; pair++) {
            Params v = direction(theta, 10 + pair), w = direction(theta, 20 + pair);
            Jacobians jv = differences(v), jw = differences(w);
            double expected = 0;
            for (int n = 0; n < CASES; n++) {
                int t = TinyRnn.targetStep(n);
                expected += jw.z[n * TinyRnn.STEPS + t] * jv.z[n * TinyRnn.STEPS + t] / CASES;
            }
            for (int k = 0; k < TinyRnn.STEPS; k++) {
                double[] a = at.structural().get(k).value().toDoubleArray();
                for (int i = 0; i < a.length; i++) {
                    double th = Math.tanh(a[i]);
                    expected += WEIGHT * jw.s[k][i] * (1 - th * th) / CASES * jv.s[k][i];
                }
            }
            double actual = w.dot(product.apply(v));
            assertEquals(expected, actual, 1e-8 * Math.max(1, Math.abs(expected)), "pair " + pair);
        }
    }

    private record Jacobians(double[] z, double[][] s) {
    }

    /** (f(θ + hv) − f(θ − hv)) / 2h for the outputs and every structural value. */
    private Jacobians differences(Params v) {
        double h = 1e-6;
        StructuredOutputs plus = structured.structuredModel().apply(theta.axpy(h, v), batch.inputs());
        StructuredOutputs minus = structured.structuredModel().apply(theta.axpy(-h, v), batch.inputs());
        double[] z = central(plus.outputs(), minus.outputs(), h);
        double[][] s = new double[TinyRnn.STEPS][];
        for (int k = 0; k < s.length; k++) s[k] = central(plus.structural().get(k).value(), minus.structural().get(k).value(), h);
        return new Jacobians(z, s);
    }

    private static double[] central(Tensor plus, Tensor minus, double h) {
        double[] p = plus.toDoubleArray(), m = minus.toDoubleArray();
        for (int i = 0; i < p.length; i++) p[i] = (p[i] - m[i]) / (2 * h);
        return p;
    }

    @Test
    void zeroWeightIsExactlyPlainGaussNewton() {
        Params v = direction(theta, 7);
        double[] plain = flat(Curvature.gaussNewton().at(TinyRnn.plain(), theta, batch).apply(v));
        assertArrayEquals(plain, flat(Curvature.gaussNewton().at(structured, theta, batch, 0).apply(v)));
        assertArrayEquals(plain, flat(Curvature.automatic().at(structured, theta, batch, 0).apply(v)));
        double[] damped = flat(Curvature.gaussNewton().at(structured, theta, batch, WEIGHT).apply(v));
        assertTrue(maxDifference(plain, damped) > 1e-6, "a positive weight must change the product");
    }

    @Test
    void structuralDampingOnlyAddsCurvature() {
        CurvatureProduct plain = Curvature.gaussNewton().at(structured, theta, batch);
        CurvatureProduct damped = Curvature.gaussNewton().at(structured, theta, batch, WEIGHT);
        for (int i = 0; i < 10; i++) {
            Params v = direction(theta, 40 + i);
            double vGv = v.dot(plain.apply(v)), vAv = v.dot(damped.apply(v)), term = damped.structuralTerm(v);
            assertTrue(vAv >= vGv, "vᵀ(G+λμS)v = " + vAv + " < vᵀGv = " + vGv);
            assertTrue(term > 0, "vᵀ(λμS)v = " + term);
            assertEquals(vAv - vGv, term, 1e-12 * Math.max(1, vAv), "the structural term is the difference");
            assertEquals(0, plain.structuralTerm(v));
        }
    }

    @Test
    void theSymmetricTermIsSymmetric() {
        CurvatureProduct damped = Curvature.gaussNewton().at(structured, theta, batch, WEIGHT);
        Params v = direction(theta, 1), w = direction(theta, 2);
        double vAw = v.dot(damped.apply(w)), wAv = w.dot(damped.apply(v));
        assertEquals(vAw, wAv, 1e-12 * Math.max(1, Math.abs(vAw)));
    }

    /** The undamped model ρ uses leaves out both λ‖p‖² and the structural term: ½pᵀGp + gᵀp. */
    @Test
    void undampedPredictionLeavesOutStructuralDamping() {
        double lambda = 2.5;
        Params p = direction(theta, 3), g = direction(theta, 4);
        DampedCurvature damped = new DampedCurvature(Curvature.gaussNewton().at(structured, theta, batch, lambda * WEIGHT),
                WeightCost.none(), theta, lambda);
        double pGp = p.dot(Curvature.gaussNewton().at(structured, theta, batch).apply(p));
        assertEquals(0.5 * pGp + g.dot(p), damped.predictedChange(p, g, false), 1e-12);
    }

    @Test
    void curvatureWeightMustBeFiniteAndNonNegative() {
        var e = assertThrows(IllegalArgumentException.class, () -> Curvature.gaussNewton().at(structured, theta, batch, -1));
        assertEquals("structural damping weight λμ must be finite and >= 0, got -1.0", e.getMessage());
    }

    @Test
    void anyModelCanDeclareStructure() {
        // A model whose structural value is its own output z under the squared change: S = G's J with D = I/N.
        Problem own = Problem.ofStructuredModel((p, x) -> {
            Tensor z = TinyRnn.plainOutputs(p, x);
            return new StructuredOutputs(z, List.of(new Structural(z, StructuralLoss.squared())));
        }, MaskedSequenceLoss.squaredError()).withWeightCost(WeightCost.none());
        Params v = direction(theta, 8);
        Params jv = AD.jvp(p -> Params.of("z", TinyRnn.plainOutputs(p, batch.inputs())), theta, v).tangent();
        double expected = WEIGHT * jv.dot(jv) / CASES;
        assertEquals(expected, Curvature.gaussNewton().at(own, theta, batch, WEIGHT).structuralTerm(v), 1e-12 * Math.max(1, expected));
    }

    /**
     * Targets start at step 2 (TinyRnn), so a model with outputs from step 2 on and the targets cut
     * there is the same problem: same loss, gradient and damped product, up to summation order.
     */
    @Test
    void outputsFromTheFirstTargetStepGiveTheSameProblem() {
        int first = 2;
        Problem late = Problem.ofStructuredModel(TanhRnnModel.of(TinyRnn.NET, first), MaskedSequenceLoss.squaredError()).withWeightCost(WeightCost.none());
        Tensor targets = batch.targets();
        Batch cut = Batch.of(batch.inputs(), Ops.slice(targets, 1, first, targets.dim(1)));
        assertArrayEquals(new int[]{CASES, TinyRnn.STEPS - first, 1}, late.outputs().apply(theta, batch.inputs()).shape().dims());
        assertEquals(structured.loss(theta, batch), late.loss(theta, cut), 1e-15);
        assertArrayEquals(flat(structured.gradient(theta, batch).gradient()), flat(late.gradient(theta, cut).gradient()), 1e-14);
        Params v = direction(theta, 8);
        assertArrayEquals(flat(Curvature.gaussNewton().at(structured, theta, batch, WEIGHT).apply(v)),
                flat(Curvature.gaussNewton().at(late, theta, cut, WEIGHT).apply(v)), 1e-13);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TanhRnnModel.of(TinyRnn.NET, TinyRnn.STEPS).apply(theta, batch.inputs()));
        assertTrue(e.getMessage().contains("steps > " + TinyRnn.STEPS), e.getMessage());
    }

    private static double[] flat(Params p) {
        int n = 0;
        for (Tensor t : p.tensors()) n += t.size();
        double[] out = new double[n];
        int at = 0;
        for (Tensor t : p.tensors()) {
            double[] a = t.toDoubleArray();
            System.arraycopy(a, 0, out, at, a.length);
            at += a.length;
        }
        return out;
    }

    private static double maxDifference(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }
}
