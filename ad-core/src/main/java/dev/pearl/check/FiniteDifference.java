package dev.pearl.check;

import dev.pearl.Params;

import java.util.function.Function;

/**
 * Central differences in float64: {@code (f(x + h v) - f(x - h v)) / 2h}, an estimate of the
 * directional derivative {@code J(x) v} with error {@code O(h²)} from curvature plus
 * {@code O(eps·|f| / h)} from rounding.
 *
 * <h2>Step size</h2>
 * The two errors balance at {@code h ≈ eps^(1/3) ≈ 6e-6} for unit-scale x and v. The step is
 * therefore {@code h = relativeStep · max(1, |x|∞) / |v|∞}: each element of x moves by at most
 * {@code relativeStep · max(1, |x|∞)}, whatever the length of v.
 */
public final class FiniteDifference {
    /** eps^(1/3) for float64, about 6.06e-6. */
    public static final double DEFAULT_RELATIVE_STEP = Math.cbrt(Math.ulp(1.0));

    private FiniteDifference() {
    }

    /** The step h used along v at x (see the class comment); 0 when v is zero. */
    public static double step(Params x, Params v, double relativeStep) {
        return step(HostParams.of(x), HostParams.of(v), relativeStep);
    }

    /** The central-difference estimate of J(x) v, as float64 tensors on the backends of f's outputs. */
    public static Params centralDifference(Function<Params, Params> f, Params x, Params v, double relativeStep) {
        x.checkCompatible(v, "finite difference");
        HostParams.requireFloat64(x, "input");
        return central(f, x, HostParams.of(x), HostParams.of(v), relativeStep).toParams(f.apply(x));
    }

    static double step(HostParams x, HostParams v, double relativeStep) {
        double vmax = v.maxAbs();
        return vmax == 0 ? 0 : relativeStep * Math.max(1, x.maxAbs()) / vmax;
    }

    /** The estimate as host values. */
    static HostParams central(Function<Params, Params> f, Params x, HostParams xh, HostParams vh, double relativeStep) {
        double h = step(xh, vh, relativeStep);
        Params plus = f.apply(xh.axpy(h, vh).toParams(x));
        HostParams fp = HostParams.of(plus);
        if (h == 0) return fp.scale(0);
        Params minus = f.apply(xh.axpy(-h, vh).toParams(x));
        plus.checkCompatible(minus, "finite difference: f(x + h v) and f(x - h v)");
        return fp.axpy(-1, HostParams.of(minus)).scale(1 / (2 * h));
    }
}
