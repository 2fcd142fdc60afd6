package dev.pearl.examples.data;

/**
 * The natural cubic spline through three points, parametric in chord length: x(t) and y(t) are
 * each natural cubic splines with knots at t = 0, |p1 - p0|, |p1 - p0| + |p2 - p1|. Parametric
 * form keeps the curve close to its points even when two of them share almost the same x, where
 * a spline y(x) would shoot far out of the frame.
 */
final class NaturalSpline3 {
    /** Guards the division by a knot interval when two control points coincide. */
    private static final double MIN_INTERVAL = 1e-9;

    private NaturalSpline3() {
    }

    /** Points on the spline from the first to the last control point, at parameter steps of at most step. */
    static double[][] throughPoints(double[] x, double[] y, double step) {
        double h0 = Math.max(MIN_INTERVAL, Math.hypot(x[1] - x[0], y[1] - y[0]));
        double h1 = Math.max(MIN_INTERVAL, Math.hypot(x[2] - x[1], y[2] - y[1]));
        double mx = middleSecondDerivative(x, h0, h1), my = middleSecondDerivative(y, h0, h1);
        int n0 = Math.max(1, (int) Math.ceil(h0 / step)), n1 = Math.max(1, (int) Math.ceil(h1 / step));
        double[] xs = new double[n0 + n1 + 1], ys = new double[n0 + n1 + 1];
        for (int i = 0; i <= n0; i++) {
            double t = h0 * i / n0;
            xs[i] = piece(x[0], x[1], 0, mx, h0, t);
            ys[i] = piece(y[0], y[1], 0, my, h0, t);
        }
        for (int i = 1; i <= n1; i++) {
            double t = h1 * i / n1;
            xs[n0 + i] = piece(x[1], x[2], mx, 0, h1, t);
            ys[n0 + i] = piece(y[1], y[2], my, 0, h1, t);
        }
        return new double[][]{xs, ys};
    }

    /**
     * The spline's second derivative at the middle knot; natural end conditions make it zero at
     * both ends, and continuity of the first derivative at the middle gives this one equation.
     */
    private static double middleSecondDerivative(double[] p, double h0, double h1) {
        return 3 * ((p[2] - p[1]) / h1 - (p[1] - p[0]) / h0) / (h0 + h1);
    }

    /** The cubic on one interval of length h from value a (second derivative ma) to b (mb), at offset t. */
    private static double piece(double a, double b, double ma, double mb, double h, double t) {
        double u = h - t;
        return ma * u * u * u / (6 * h) + mb * t * t * t / (6 * h)
                + (a / h - ma * h / 6) * u + (b / h - mb * h / 6) * t;
    }
}
