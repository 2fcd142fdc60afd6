package dev.pearl.check;

import dev.pearl.Params;
import dev.pearl.ad.AD;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Tensor;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Checks of Pearl's derivatives of a user function against central differences
 * ({@link FiniteDifference}) and against the identities they must satisfy, in float64.
 *
 * <ul>
 *   <li>{@link #jvp}: AD's {@code J v} against the central difference, element by element;</li>
 *   <li>{@link #vjp}: the adjoint test {@code <Jᵀu, v> = <u, J v>} with AD's pullback on the left
 *   and the central difference on the right;</li>
 *   <li>{@link #adjoint}: the same identity with AD on both sides (jvp and vjp, or any pair of
 *   maps said to be each other's transpose), up to rounding;</li>
 *   <li>{@link #hvp}: AD's {@code H v} against the central difference of AD's gradient;</li>
 *   <li>{@link #hessianSymmetry} and {@link #symmetric}: {@code <u, H v> = <v, H u>};</li>
 *   <li>{@link #positiveSemiDefinite}: {@code vᵀ G v >= 0} for e.g. a Gauss-Newton product.</li>
 * </ul>
 * The {@code seed} forms draw N(0,1) directions with {@link Directions} (v from {@code seed},
 * u from {@code seed + 1}) and name the seed in the result. Inputs must be float64.
 * Finite-difference comparisons use {@link Tolerance#FINITE_DIFFERENCE}, identities
 * {@link Tolerance#ROUNDING}; both can be changed, as can the step. A function that rounds to
 * float32 inside is differenced as such with {@link #withEvaluationDType}.
 */
public final class Checker {
    private static final Checker DEFAULTS = new Checker(FiniteDifference.DEFAULT_RELATIVE_STEP, Tolerance.FINITE_DIFFERENCE, Tolerance.ROUNDING, DType.FLOAT64);

    private final double relativeStep;
    private final Tolerance finiteDifference;
    private final Tolerance rounding;
    /** The dtype f computes in inside: FLOAT32 when it casts its float64 inputs down. */
    private final DType evaluation;

    private Checker(double relativeStep, Tolerance finiteDifference, Tolerance rounding, DType evaluation) {
        if (!(relativeStep > 0)) throw new IllegalArgumentException("relative step must be > 0, got " + relativeStep);
        this.relativeStep = relativeStep;
        this.finiteDifference = finiteDifference;
        this.rounding = rounding;
        this.evaluation = evaluation;
    }

    /**
     * Relative step {@link FiniteDifference#DEFAULT_RELATIVE_STEP}, tolerances
     * {@link Tolerance#FINITE_DIFFERENCE} and {@link Tolerance#ROUNDING}, float64 evaluation.
     *
     * @return the default checker
     */
    public static Checker defaults() {
        return DEFAULTS;
    }

    /**
     * This checker with another finite-difference step.
     *
     * @param step the step relative to the input's scale, &gt; 0
     * @return a new checker
     * @throws IllegalArgumentException if step is not positive
     */
    public Checker withRelativeStep(double step) {
        return new Checker(step, finiteDifference, rounding, evaluation);
    }

    /**
     * This checker with another tolerance for comparisons against finite differences.
     *
     * @param tol the tolerance
     * @return a new checker
     */
    public Checker withFiniteDifferenceTolerance(Tolerance tol) {
        return new Checker(relativeStep, tol, rounding, evaluation);
    }

    /**
     * This checker with another tolerance for identities that hold up to rounding.
     *
     * @param tol the tolerance
     * @return a new checker
     */
    public Checker withRoundingTolerance(Tolerance tol) {
        return new Checker(relativeStep, finiteDifference, tol, evaluation);
    }

    /**
     * For a function that computes in {@code dtype} inside, e.g. casts its float64 inputs to
     * float32: finite differences are then taken between points rounded to float32, extrapolated,
     * and allowed the rounding of f's values over the step, and the relative step becomes
     * {@link FiniteDifference#naturalRelativeStep} of the dtype (see {@link FiniteDifference}).
     * Inputs stay float64. FLOAT64 restores the plain differences.
     *
     * @param dtype the dtype f computes in
     * @return a new checker
     */
    public Checker withEvaluationDType(DType dtype) {
        return new Checker(FiniteDifference.naturalRelativeStep(dtype), finiteDifference, rounding, dtype);
    }

    // ---------------------------------------------------------------- first order

    /**
     * AD's {@code J v} against the central difference, element by element, along a seeded random v.
     *
     * @param f the function
     * @param x the point, float64
     * @param seed the seed of v
     * @return the comparison
     * @throws IllegalArgumentException if x is not float64
     */
    public CheckResult jvp(Function<Params, Params> f, Params x, long seed) {
        return jvp(f, x, Directions.normal(x, seed), seedLabel(seed));
    }

    /**
     * AD's {@code J v} against the central difference, element by element, along a given v.
     *
     * @param f the function
     * @param x the point, float64
     * @param v the direction, compatible with x
     * @return the comparison
     * @throws IllegalArgumentException if x is not float64
     */
    public CheckResult jvp(Function<Params, Params> f, Params x, Params v) {
        return jvp(f, x, v, "given v");
    }

    /**
     * {@link #jvp(Function, Params, long)} for a function of one tensor.
     *
     * @param f the function
     * @param x the point, float64
     * @param seed the seed of v
     * @return the comparison
     * @throws IllegalArgumentException if x is not float64
     */
    public CheckResult jvp(Function<Tensor, Tensor> f, Tensor x, long seed) {
        return jvp(lift(f), Params.of(x), seed);
    }

    private CheckResult jvp(Function<Params, Params> f, Params x, Params v, String directions) {
        HostParams.requireFloat64(x, "input");
        FiniteDifference.Quotient fd = FiniteDifference.central(f, x, HostParams.of(x), HostParams.of(v), relativeStep, evaluation);
        Params jv = AD.jvp(f, x, fd.direction(v)).tangent();
        return Comparisons.elementwise("jvp vs central differences", Comparisons.describe(x), directions,
                "AD (J v)", HostParams.of(jv), "central difference", fd.estimate(), plus(finiteDifference, fd.roundingAllowance()));
    }

    /**
     * The adjoint test against finite differences: {@code <Jᵀu, v>} by AD vs {@code <u, J v>} by central differences.
     *
     * @param f the function
     * @param x the point, float64
     * @param seed the seed of v (u uses seed + 1)
     * @return the comparison
     * @throws IllegalArgumentException if x is not float64
     */
    public CheckResult vjp(Function<Params, Params> f, Params x, long seed) {
        Params y = f.apply(x);
        return vjp(f, x, Directions.normal(y, seed + 1), Directions.normal(x, seed), seedLabel(seed));
    }

    /**
     * The adjoint test against finite differences along given directions.
     *
     * @param f the function
     * @param x the point, float64
     * @param u the output-side direction, compatible with f(x)
     * @param v the input-side direction, compatible with x
     * @return the comparison
     * @throws IllegalArgumentException if x is not float64 or a direction does not fit
     */
    public CheckResult vjp(Function<Params, Params> f, Params x, Params u, Params v) {
        return vjp(f, x, u, v, "given u, v");
    }

    /**
     * {@link #vjp(Function, Params, long)} for a function of one tensor.
     *
     * @param f the function
     * @param x the point, float64
     * @param seed the seed of v (u uses seed + 1)
     * @return the comparison
     * @throws IllegalArgumentException if x is not float64
     */
    public CheckResult vjp(Function<Tensor, Tensor> f, Tensor x, long seed) {
        return vjp(lift(f), Params.of(x), seed);
    }

    private CheckResult vjp(Function<Params, Params> f, Params x, Params u, Params v, String directions) {
        HostParams.requireFloat64(x, "input");
        x.checkCompatible(v, "vjp check: direction v");
        HostParams jtu = HostParams.of(AD.vjp(f, x).pullback(u));
        HostParams hu = HostParams.of(u);
        FiniteDifference.Quotient fd = FiniteDifference.central(f, x, HostParams.of(x), HostParams.of(v), relativeStep, evaluation);
        HostParams hv = fd.direction(), jv = fd.estimate();
        double scale = Math.max(jtu.norm() * hv.norm(), hu.norm() * jv.norm());
        // Each element of J v may be off by the allowance, so <u, J v> by |u|₁ times it.
        return Comparisons.scalar("vjp vs central differences (adjoint test)", Comparisons.describe(x), directions, "<Jᵀu, v> vs <u, J v>",
                "AD <Jᵀu, v>", jtu.dot(hv), "<u, central-difference J v>", hu.dot(jv), scale,
                plus(finiteDifference, hu.sumAbs() * fd.roundingAllowance()));
    }

    /**
     * {@code <Jᵀu, v> = <u, J v>} with AD's vjp and jvp, which must agree up to rounding.
     *
     * @param f the function
     * @param x the point
     * @param seed the seed of v (u uses seed + 1)
     * @return the comparison
     */
    public CheckResult adjoint(Function<Params, Params> f, Params x, long seed) {
        Params y = f.apply(x);
        return adjoint(f, x, Directions.normal(y, seed + 1), Directions.normal(x, seed), seedLabel(seed));
    }

    /**
     * {@code <Jᵀu, v> = <u, J v>} with AD's vjp and jvp along given directions.
     *
     * @param f the function
     * @param x the point
     * @param u the output-side direction, compatible with f(x)
     * @param v the input-side direction, compatible with x
     * @return the comparison
     */
    public CheckResult adjoint(Function<Params, Params> f, Params x, Params u, Params v) {
        return adjoint(f, x, u, v, "given u, v");
    }

    private CheckResult adjoint(Function<Params, Params> f, Params x, Params u, Params v, String directions) {
        return adjoint("AD jvp and vjp at " + Comparisons.describe(x), w -> AD.jvp(f, x, w).tangent(), w -> AD.vjp(f, x).pullback(w), u, v, directions);
    }

    /**
     * {@code <u, A v> = <Aᵀu, v>} for a linear map A and the map said to be its transpose (e.g. a {@code Linearized}'s jvp and vjp).
     *
     * @param name what the maps are, for the report
     * @param forward A
     * @param transpose the map said to be Aᵀ
     * @param u a direction in A's output space
     * @param v a direction in A's input space
     * @return the comparison
     */
    public CheckResult adjoint(String name, UnaryOperator<Params> forward, UnaryOperator<Params> transpose, Params u, Params v) {
        return adjoint(name, forward, transpose, u, v, "given u, v");
    }

    private CheckResult adjoint(String name, UnaryOperator<Params> forward, UnaryOperator<Params> transpose, Params u, Params v, String directions) {
        HostParams av = HostParams.of(forward.apply(v)), atu = HostParams.of(transpose.apply(u));
        HostParams hu = HostParams.of(u), hv = HostParams.of(v);
        double scale = Math.max(hu.norm() * av.norm(), atu.norm() * hv.norm());
        return Comparisons.scalar("adjoint identity", name, directions, "<u, A v> vs <Aᵀu, v>",
                "<u, A v>", hu.dot(av), "<Aᵀu, v>", atu.dot(hv), scale, rounding);
    }

    // ---------------------------------------------------------------- second order

    /**
     * AD's Hessian-vector product against the central difference of AD's gradient.
     *
     * @param f a scalar function
     * @param x the point, float64
     * @param seed the seed of v
     * @return the comparison
     * @throws IllegalArgumentException if x is not float64
     */
    public CheckResult hvp(Function<Params, Tensor> f, Params x, long seed) {
        return hvp(f, x, Directions.normal(x, seed), seedLabel(seed));
    }

    /**
     * AD's Hessian-vector product against the central difference of AD's gradient, along a given v.
     *
     * @param f a scalar function
     * @param x the point, float64
     * @param v the direction, compatible with x
     * @return the comparison
     * @throws IllegalArgumentException if x is not float64
     */
    public CheckResult hvp(Function<Params, Tensor> f, Params x, Params v) {
        return hvp(f, x, v, "given v");
    }

    /**
     * {@link #hvp(Function, Params, long)} for a function of one tensor.
     *
     * @param f a scalar function
     * @param x the point, float64
     * @param seed the seed of v
     * @return the comparison
     * @throws IllegalArgumentException if x is not float64
     */
    public CheckResult hvp(Function<Tensor, Tensor> f, Tensor x, long seed) {
        return hvp(p -> f.apply(p.get(0)), Params.of(x), seed);
    }

    private CheckResult hvp(Function<Params, Tensor> f, Params x, Params v, String directions) {
        HostParams.requireFloat64(x, "input");
        FiniteDifference.Quotient fd = FiniteDifference.central(p -> AD.grad(f, p), x, HostParams.of(x), HostParams.of(v), relativeStep, evaluation);
        HostParams hv = HostParams.of(AD.hvp(f, x, fd.direction(v)));
        return Comparisons.elementwise("hvp vs central differences of the gradient", Comparisons.describe(x), directions,
                "AD (H v)", hv, "central difference", fd.estimate(), plus(finiteDifference, fd.roundingAllowance()));
    }

    /** {@code tol} with {@code extra} more absolute allowance (the rounding of a float32 function over the step). */
    private static Tolerance plus(Tolerance tol, double extra) {
        return extra == 0 ? tol : new Tolerance(tol.relative(), tol.absolute() + extra);
    }

    /**
     * {@code <u, H v> = <v, H u>} with AD's Hessian-vector products along seeded random directions.
     *
     * @param f a scalar function
     * @param x the point
     * @param seed the seed of v (u uses seed + 1)
     * @return the comparison
     */
    public CheckResult hessianSymmetry(Function<Params, Tensor> f, Params x, long seed) {
        return symmetric("Hessian at " + Comparisons.describe(x), v -> AD.hvp(f, x, v),
                Directions.normal(x, seed + 1), Directions.normal(x, seed), seedLabel(seed));
    }

    /**
     * {@code <u, H v> = <v, H u>} with AD's Hessian-vector products along given directions.
     *
     * @param f a scalar function
     * @param x the point
     * @param u one direction, compatible with x
     * @param v the other, compatible with x
     * @return the comparison
     */
    public CheckResult hessianSymmetry(Function<Params, Tensor> f, Params x, Params u, Params v) {
        return symmetric("Hessian at " + Comparisons.describe(x), w -> AD.hvp(f, x, w), u, v, "given u, v");
    }

    /**
     * {@code <u, A v> = <v, A u>} for a linear operator said to be symmetric.
     *
     * @param name what the operator is, for the report
     * @param op the operator A
     * @param u one direction
     * @param v the other
     * @return the comparison
     */
    public CheckResult symmetric(String name, UnaryOperator<Params> op, Params u, Params v) {
        return symmetric(name, op, u, v, "given u, v");
    }

    private CheckResult symmetric(String name, UnaryOperator<Params> op, Params u, Params v, String directions) {
        HostParams hu = HostParams.of(u), hv = HostParams.of(v);
        HostParams av = HostParams.of(op.apply(v)), au = HostParams.of(op.apply(u));
        double scale = Math.max(hu.norm() * av.norm(), hv.norm() * au.norm());
        return Comparisons.scalar("symmetry", name, directions, "<u, A v> vs <v, A u>",
                "<u, A v>", hu.dot(av), "<v, A u>", hv.dot(au), scale, rounding);
    }

    /**
     * {@code vᵀ G v >= -(atol + rtol·|v|·|G v|)} along a seeded random v shaped like {@code like}.
     *
     * @param name what the operator is, for the report
     * @param op the operator G
     * @param like the shapes of v
     * @param seed the seed of v
     * @return the check
     */
    public CheckResult positiveSemiDefinite(String name, UnaryOperator<Params> op, Params like, long seed) {
        return positiveSemiDefinite(name, op, Directions.normal(like, seed), seedLabel(seed));
    }

    /**
     * {@code vᵀ G v >= -(atol + rtol·|v|·|G v|)} along a given v.
     *
     * @param name what the operator is, for the report
     * @param op the operator G
     * @param v the direction
     * @return the check
     */
    public CheckResult positiveSemiDefinite(String name, UnaryOperator<Params> op, Params v) {
        return positiveSemiDefinite(name, op, v, "given v");
    }

    private CheckResult positiveSemiDefinite(String name, UnaryOperator<Params> op, Params v, String directions) {
        HostParams hv = HostParams.of(v), gv = HostParams.of(op.apply(v));
        return Comparisons.nonNegative("positive semi-definiteness", name, directions, "vᵀ G v", "vᵀ G v", hv.dot(gv), hv.norm() * gv.norm(), rounding);
    }

    // ---------------------------------------------------------------- combined and generic

    /**
     * jvp, vjp, hvp and Hessian symmetry of a scalar function; see {@link CheckResult#assertAllOk}.
     *
     * @param f a scalar function
     * @param x the point, float64
     * @param seed the seed of the directions
     * @return the four results, in that order
     * @throws IllegalArgumentException if x is not float64
     */
    public List<CheckResult> scalarFunction(Function<Params, Tensor> f, Params x, long seed) {
        Function<Params, Params> lifted = tensorValued(f);
        return List.of(jvp(lifted, x, seed), vjp(lifted, x, seed), hvp(f, x, seed), hessianSymmetry(f, x, seed));
    }

    /**
     * Two computations of the same values compared element by element up to rounding.
     *
     * @param check what is compared, for the report
     * @param input the input both were computed from, for the report
     * @param firstLabel the first computation's name
     * @param first its values
     * @param secondLabel the second computation's name
     * @param second its values, compatible with first
     * @return the comparison
     */
    public CheckResult agree(String check, String input, String firstLabel, Params first, String secondLabel, Params second) {
        return Comparisons.elementwise(check, input, "(as computed)", firstLabel, HostParams.of(first), secondLabel, HostParams.of(second), rounding);
    }

    /**
     * f with its output wrapped as Params named "out": the form the Params checks take.
     *
     * @param f a function with one tensor output
     * @return the same function with Params output
     */
    public static Function<Params, Params> tensorValued(Function<Params, Tensor> f) {
        return p -> Params.of("out", f.apply(p));
    }

    private static Function<Params, Params> lift(Function<Tensor, Tensor> f) {
        return p -> Params.of("out", f.apply(p.get(0)));
    }

    private static String seedLabel(long seed) {
        return "random N(0,1), seed " + seed + " (v from seed, u from seed + 1)";
    }
}
