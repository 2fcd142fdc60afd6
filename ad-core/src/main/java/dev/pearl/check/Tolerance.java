package dev.pearl.check;

/**
 * How far two numbers may differ: {@code |a - b| <= absolute + relative * scale}, where the
 * scale is the size of the quantities compared (for a vector, its largest element; for a dot
 * product, the product of the two norms).
 *
 * <p>The scale is that of the whole result rather than of each element, so an element that is
 * near zero because of cancellation is not held to an impossible relative accuracy.
 *
 * @param relative the allowance per unit of scale, &gt;= 0
 * @param absolute the allowance at any scale, &gt;= 0
 */
public record Tolerance(double relative, double absolute) {
    /**
     * For finite differences in float64. Central differences with the default step
     * (~6e-6, see {@link FiniteDifference}) err by about 1e-10 to 1e-8 relative on smooth
     * functions of moderate curvature; 1e-5 leaves room for curvature and for sums over many
     * elements while still catching a wrong rule, which is off by O(1).
     */
    public static final Tolerance FINITE_DIFFERENCE = new Tolerance(1e-5, 1e-7);

    /** For identities that hold up to rounding only (adjoint, symmetry, PSD) in float64. */
    public static final Tolerance ROUNDING = new Tolerance(1e-9, 1e-12);

    /**
     * Checks the values.
     *
     * @param relative the allowance per unit of scale, &gt;= 0
     * @param absolute the allowance at any scale, &gt;= 0
     * @throws IllegalArgumentException if either is negative or NaN
     */
    public Tolerance {
        if (!(relative >= 0) || !(absolute >= 0))
            throw new IllegalArgumentException("tolerances must be >= 0, got relative " + relative + ", absolute " + absolute);
    }

    /**
     * The largest error allowed for quantities of the given scale.
     *
     * @param scale the size of the quantities compared
     * @return absolute + relative · scale
     */
    public double allowed(double scale) {
        return absolute + relative * scale;
    }

    @Override
    public String toString() {
        return "rtol " + relative + ", atol " + absolute;
    }
}
