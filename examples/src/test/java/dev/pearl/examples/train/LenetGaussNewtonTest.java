package dev.pearl.examples.train;

import dev.pearl.Params;
import dev.pearl.ad.AD;
import dev.pearl.ad.Vjp;
import dev.pearl.tensor.Backends;
import dev.pearl.examples.models.LeNet;
import dev.pearl.hf.curvature.Curvature;
import dev.pearl.hf.problem.Batch;
import dev.pearl.nn.Losses;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The curvature product HF uses for --model lenet equals Jᵀ H_L J v built explicitly in float64
 * on two images: J row by row from vjp (checked against jvp by the adjoint identity and against
 * central differences of the outputs), H_L from central differences of the loss gradient in the
 * outputs (so the loss's own Hessian-vector code is not the reference).
 */
class LenetGaussNewtonTest {
    private static final Backend CPU = Backends.cpu(1);
    private static final DType F64 = DType.FLOAT64;

    @Test
    void curvatureProductEqualsTheExplicitJacobianForm() {
        Params theta = LeNet.net().init(CPU, F64, 3);
        Tensor x = CPU.randomUniform(Shape.of(2, LeNet.PIXELS), F64, 4, 0, 1);
        Tensor labels = CPU.fromArray(new double[]{3, 7}, Shape.of(2), F64);
        Function<Params, Tensor> outputs = p -> LeNet.outputs(p, x);
        int m = 2 * LeNet.CLASSES, n = (int) theta.numel();

        Vjp vjp = AD.vjp(p -> Params.of("z", outputs.apply(p)), theta);
        double[][] jac = new double[m][];
        for (int i = 0; i < m; i++) {
            double[] unit = new double[m];
            unit[i] = 1;
            jac[i] = flat(vjp.pullback(Params.of("z", CPU.fromArray(unit, Shape.of(2, LeNet.CLASSES), F64))));
        }
        Params v = theta.map(t -> CPU.randomNormal(t.shape(), F64, 11 + t.size()));
        double[] jv = mul(jac, flat(v));

        double[] tangent = AD.jvp(p -> Params.of("z", outputs.apply(p)), theta, v).tangent().get(0).toDoubleArray();
        // Central differences along the unit direction, with a step small enough that no max-pooling window changes its winner.
        double norm = v.norm(), h = 1e-6;
        double[] zp = outputs.apply(theta.axpy(h / norm, v)).toDoubleArray(), zm = outputs.apply(theta.axpy(-h / norm, v)).toDoubleArray();
        for (int i = 0; i < m; i++) {
            // vjp and jvp agree to float64 rounding; central differences to O(h²) plus rounding (about 1e-16 / h).
            assertEquals(jv[i], tangent[i], 1e-12 * (1 + Math.abs(jv[i])), "jvp against vjp rows, output " + i);
            assertEquals(jv[i] / norm, (zp[i] - zm[i]) / (2 * h), 1e-6 * (1 + Math.abs(jv[i] / norm)), "central difference, output " + i);
        }

        double[] z0 = outputs.apply(theta).toDoubleArray();
        h = 1e-5;
        double[][] hl = new double[m][m];
        for (int j = 0; j < m; j++) {
            double[] gp = lossGradient(shifted(z0, j, h), labels), gm = lossGradient(shifted(z0, j, -h), labels);
            for (int i = 0; i < m; i++) hl[i][j] = (gp[i] - gm[i]) / (2 * h);
        }
        double[] hjv = mul(hl, jv);
        double[] expected = new double[n];
        for (int i = 0; i < m; i++) for (int k = 0; k < n; k++) expected[k] += jac[i][k] * hjv[i];

        double[] actual = flat(Curvature.gaussNewton().at(new LenetRun().problem(0), theta, Batch.of(x, labels)).apply(v));
        double scale = 0;
        for (double e : expected) scale = Math.max(scale, Math.abs(e));
        for (int k = 0; k < n; k++) assertEquals(expected[k], actual[k], 1e-7 * (1 + scale), "(Gv)[" + k + "] of " + n);
    }

    /** ∂L/∂z of the labelled softmax loss at z, by reverse mode. */
    private static double[] lossGradient(double[] z, Tensor labels) {
        Tensor at = CPU.fromArray(z, Shape.of(2, LeNet.CLASSES), F64);
        return AD.grad(t -> Losses.softmaxCrossEntropyWithLabels().value(t, labels), at).toDoubleArray();
    }

    private static double[] flat(Params p) {
        double[] out = new double[(int) p.numel()];
        int at = 0;
        for (Tensor t : p.tensors()) {
            double[] values = t.toDoubleArray();
            System.arraycopy(values, 0, out, at, values.length);
            at += values.length;
        }
        return out;
    }

    private static double[] mul(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) for (int k = 0; k < x.length; k++) y[i] += a[i][k] * x[k];
        return y;
    }

    private static double[] shifted(double[] x, int i, double h) {
        double[] y = x.clone();
        y[i] += h;
        return y;
    }
}
