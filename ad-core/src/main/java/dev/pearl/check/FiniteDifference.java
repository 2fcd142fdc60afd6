package dev.pearl.check;

import dev.pearl.Params;
import dev.pearl.tensor.DType;

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
 *
 * <h2>Functions that compute in float32</h2>
 * When f rounds to float32 inside (a cast of its float64 input), three things change
 * ({@link #central(Function, Params, HostParams, HostParams, double, DType)} with FLOAT32):
 * <ul>
 *   <li>f rounds x ± h v itself, which would move each element by up to half a float32 ulp, a
 *   staircase that no tolerance relative to J v covers where v is small. The points are
 *   therefore rounded to float32 here, and the estimate is of J d along the direction
 *   {@code d = (x⁺ - x⁻) / 2h} they realise, which the checks then give AD as well;</li>
 *   <li>the rounding error of f's values is about u·|f| (u = 2⁻²⁴) instead of 2⁻⁵³·|f|, so the
 *   step must be large ({@code u^(1/3) ≈ 4e-3}, see {@link #naturalRelativeStep}) and its
 *   O(h²) truncation error is removed by Richardson extrapolation, {@code (4 D(h/2) - D(h)) / 3},
 *   which is exact when f is a polynomial of degree four or less;</li>
 *   <li>the comparison must allow the rounding of f's values over the step: each value may be
 *   off by {@link #ROUNDINGS}·u times the size of what f computes (its outputs, or its input times
 *   its slope), so a quotient by twice that over 2h, and the extrapolation combines the two
 *   quotients' allowances as it combines them ({@link Quotient#roundingAllowance()}).</li>
 * </ul>
 */
public final class FiniteDifference {
    /** eps^(1/3) for float64, about 6.06e-6. */
    public static final double DEFAULT_RELATIVE_STEP = Math.cbrt(Math.ulp(1.0));

    /**
     * Roundings, in units of u·|value|, that the allowance grants each value of a function that
     * computes in float32: a few float32 ops between its input and output cast. A deeper float32
     * computation accumulates more and needs a looser tolerance of its own.
     */
    public static final int ROUNDINGS = 8;

    private FiniteDifference() {
    }

    /**
     * The relative step that balances truncation and rounding for values computed in {@code dtype}: eps^(1/3).
     *
     * @param dtype the dtype f computes in
     * @return about 6.06e-6 for float64, 4.9e-3 for float32
     */
    public static double naturalRelativeStep(DType dtype) {
        return Math.cbrt(dtype.epsilon());
    }

    /**
     * The step h used along v at x (see the class comment); 0 when v is zero.
     *
     * @param x the point
     * @param v the direction
     * @param relativeStep the step relative to max(1, |x|∞)
     * @return h = relativeStep · max(1, |x|∞) / |v|∞
     */
    public static double step(Params x, Params v, double relativeStep) {
        return step(HostParams.of(x), HostParams.of(v), relativeStep);
    }

    /**
     * The central-difference estimate of J(x) v, as float64 tensors on the backends of f's outputs.
     *
     * @param f the function
     * @param x the point, float64
     * @param v the direction, compatible with x
     * @param relativeStep the step relative to max(1, |x|∞)
     * @return (f(x + h v) - f(x - h v)) / 2h
     * @throws IllegalArgumentException if x is not float64 or v is not compatible with x
     */
    public static Params centralDifference(Function<Params, Params> f, Params x, Params v, double relativeStep) {
        x.checkCompatible(v, "finite difference");
        HostParams.requireFloat64(x, "input");
        return central(f, x, HostParams.of(x), HostParams.of(v), relativeStep).toParams(f.apply(x));
    }

    static double step(HostParams x, HostParams v, double relativeStep) {
        double vmax = v.maxAbs();
        return vmax == 0 ? 0 : relativeStep * Math.max(1, x.maxAbs()) / vmax;
    }

    /**
     * An estimate of J d by differences, the direction d it is along (v itself, unless the points
     * were rounded to float32) and the error that rounding inside f may have added to each element.
     */
    record Quotient(HostParams estimate, HostParams direction, boolean realised, double roundingAllowance) {
        /** The direction as tensors: v itself when the points were not rounded. */
        Params direction(Params v) {
            return realised ? direction.toParams(v) : v;
        }
    }

    /**
     * Central differences of f at x along v for a function computing in {@code evaluation}: the
     * plain quotient for FLOAT64, the rounded, extrapolated one with its allowance for FLOAT32
     * (see the class comment).
     */
    static Quotient central(Function<Params, Params> f, Params x, HostParams xh, HostParams vh, double relativeStep, DType evaluation) {
        if (evaluation == DType.FLOAT64) return new Quotient(central(f, x, xh, vh, relativeStep), vh, false, 0);
        double h = step(xh, vh, relativeStep);
        if (h == 0) return new Quotient(HostParams.of(f.apply(x)).scale(0), vh, false, 0);
        Quotient whole = onFloat32Points(f, x, xh, vh, h), half = onFloat32Points(f, x, xh, vh, h / 2);
        return new Quotient(half.estimate.scale(4).axpy(-1, whole.estimate).scale(1 / 3.0),
                half.direction.scale(4).axpy(-1, whole.direction).scale(1 / 3.0), true,
                (4 * half.roundingAllowance + whole.roundingAllowance) / 3);
    }

    /**
     * One quotient between x ± h v rounded to float32 values, along the direction d they realise.
     * Its allowance takes the values f rounds to be as large as its outputs or as its input times
     * its slope, |x|∞·|J d|∞ / |d|∞ (rounding an intermediate of that size is like rounding x):
     * an output that cancels, as w + x² does near w = -x², still carries the rounding of x².
     */
    private static Quotient onFloat32Points(Function<Params, Params> f, Params x, HostParams xh, HostParams vh, double h) {
        HostParams plusPoint = xh.axpy(h, vh).roundedToFloat(), minusPoint = xh.axpy(-h, vh).roundedToFloat();
        HostParams plus = HostParams.of(f.apply(plusPoint.toParams(x))), minus = HostParams.of(f.apply(minusPoint.toParams(x)));
        HostParams estimate = plus.axpy(-1, minus).scale(1 / (2 * h)), direction = plusPoint.axpy(-1, minusPoint).scale(1 / (2 * h));
        double slope = direction.maxAbs() == 0 ? 0 : xh.maxAbs() * estimate.maxAbs() / direction.maxAbs();
        double values = Math.max(plus.maxAbs(), minus.maxAbs()) + slope;
        double u = DType.FLOAT32.epsilon() / 2; // unit roundoff, 2⁻²⁴
        // Each of f(x⁺) and f(x⁻) may be off by ROUNDINGS·u·values: their difference by twice that.
        return new Quotient(estimate, direction, true, 2 * ROUNDINGS * u * values / (2 * h));
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
