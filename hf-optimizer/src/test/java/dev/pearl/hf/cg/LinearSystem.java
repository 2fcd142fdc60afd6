package dev.pearl.hf.cg;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/** A dense system A x = b for CG tests, with φ and residuals computed in plain double arithmetic. */
final class LinearSystem {
    final double[][] a;
    final double[] b;
    final int n;

    LinearSystem(double[][] a, double[] b) {
        this.a = a;
        this.b = b;
        this.n = b.length;
    }

    static LinearSystem diagonal(double[] eigenvalues, double[] b) {
        double[][] a = new double[b.length][b.length];
        for (int i = 0; i < b.length; i++) a[i][i] = eigenvalues[i];
        return new LinearSystem(a, b);
    }

    /** A = BᵀB + shift·I with B standard normal, b standard normal. */
    static LinearSystem randomSpd(int n, double shift, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] m = new double[n][n];
        for (double[] row : m) for (int j = 0; j < n; j++) row[j] = random.nextGaussian();
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                double s = i == j ? shift : 0;
                for (int k = 0; k < n; k++) s += m[k][i] * m[k][j];
                a[i][j] = s;
            }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) b[i] = random.nextGaussian();
        return new LinearSystem(a, b);
    }

    UnaryOperator<Params> operator() {
        Tensor m = Tensor.of(a);
        return v -> Params.of(Ops.reshape(Ops.matmul(m, Ops.reshape(v.get(0), n, 1)), n));
    }

    Params rhs() {
        return vector(b);
    }

    Params zero() {
        return vector(new double[n]);
    }

    static Params vector(double[] v) {
        return Params.of(Tensor.of(v.clone(), v.length));
    }

    double[] times(double[] x) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) y[i] += a[i][j] * x[j];
        return y;
    }

    /** φ(x) = ½ xᵀAx − bᵀx. */
    double phi(Params x) {
        double[] v = x.get(0).toDoubleArray();
        double[] av = times(v);
        double s = 0;
        for (int i = 0; i < n; i++) s += 0.5 * v[i] * av[i] - b[i] * v[i];
        return s;
    }

    /** ‖Ax − b‖ / ‖b‖. */
    double relativeResidual(Params x) {
        double[] r = times(x.get(0).toDoubleArray());
        double rr = 0, bb = 0;
        for (int i = 0; i < n; i++) {
            rr += (r[i] - b[i]) * (r[i] - b[i]);
            bb += b[i] * b[i];
        }
        return Math.sqrt(rr / bb);
    }

    /** Runs CG from zero without preconditioning, recording φ of every iterate (index 0: the start). */
    Run solve(CgOptions options) {
        List<Double> phis = new ArrayList<>();
        phis.add(0.0);
        CgResult result = new ConjugateGradient(options).minimize(operator(), rhs(), zero(), UnaryOperator.identity(),
                p -> phis.add(phi(p.solution())));
        return new Run(result, phis);
    }

    record Run(CgResult result, List<Double> phis) {
        /** Martens' rule evaluated from independently computed φ values. */
        boolean ruleHolds(int i, double epsilon) {
            int k = Math.max(10, (i + 9) / 10);
            if (i <= k) return false;
            double now = phis.get(i);
            return now < 0 && (now - phis.get(i - k)) / now < k * epsilon;
        }
    }
}
