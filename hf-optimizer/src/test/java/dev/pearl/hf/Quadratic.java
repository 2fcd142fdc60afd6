package dev.pearl.hf;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.tensor.Tensor;

/** f(x) = ½ Σ a_i (x_i − c_i)², convex with curvatures a_i and minimum 0 at c, as a problem and by hand. */
public record Quadratic(double[] curvatures, double[] minimum) {

    /** Curvatures spread geometrically from 1 to {@code condition}, minimum at c_i = (-1)^i (1 + i/n). */
    public static Quadratic illConditioned(int n, double condition) {
        double[] a = new double[n], c = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = Math.pow(condition, n == 1 ? 0 : (double) i / (n - 1));
            c[i] = (i % 2 == 0 ? 1 : -1) * (1 + (double) i / n);
        }
        return new Quadratic(a, c);
    }

    public Problem problem() {
        Tensor a = Tensor.of(curvatures, curvatures.length), c = Tensor.of(minimum, minimum.length);
        return Problem.ofObjective((p, batch) -> Ops.mul(Ops.sum(Ops.mul(a, Ops.square(Ops.sub(p.get(0), c)))), 0.5))
                .withWeightCost(WeightCost.none());
    }

    public Params point(double... x) {
        return Params.of("x", Tensor.of(x, x.length));
    }

    public double value(double[] x) {
        double f = 0;
        for (int i = 0; i < x.length; i++) f += 0.5 * curvatures[i] * (x[i] - minimum[i]) * (x[i] - minimum[i]);
        return f;
    }

    public double value(Params p) {
        return value(p.get(0).toDoubleArray());
    }

    /** The largest and smallest curvature: L and m of the strongly convex f. */
    public double largestCurvature() {
        double l = 0;
        for (double a : curvatures) l = Math.max(l, a);
        return l;
    }

    public double smallestCurvature() {
        double m = Double.MAX_VALUE;
        for (double a : curvatures) m = Math.min(m, a);
        return m;
    }

    public double distanceToMinimum(Params p) {
        double[] x = p.get(0).toDoubleArray();
        double s = 0;
        for (int i = 0; i < x.length; i++) s += (x[i] - minimum[i]) * (x[i] - minimum[i]);
        return Math.sqrt(s);
    }

    /** The largest |x_i − c_i|. */
    public double maxCoordinateError(Params p) {
        double[] x = p.get(0).toDoubleArray();
        double e = 0;
        for (int i = 0; i < x.length; i++) e = Math.max(e, Math.abs(x[i] - minimum[i]));
        return e;
    }
}
