package dev.pearl.prim;

import dev.pearl.backend.ElementFunction;
import dev.pearl.tensor.Tensor;

import java.util.function.DoubleBinaryOperator;

/**
 * The elementwise functions of one tensor, each declared once: its formula f(x; p) and its
 * derivative f'(x) (written from x or from y = f(x)) side by side. {@link Unary} is the one
 * primitive that runs them all: its forward is the backend's kernel of the function's name (the
 * CPU backend runs the formula where it has none), its JVP is t·f'(x) and, the Jacobian being
 * diagonal, its VJP is the same product with the cotangent. Adding a function: a constant here,
 * a method in {@code Ops} and its OpenCL line in ad-gpu's ElementwiseCode template
 * (docs/adding-an-elementwise-op.md).
 *
 * <p>Non-smooth points: relu'(0) = 0, abs'(0) = 0 (sign(0) = 0), sqrt'(0) = +inf. STEP and SIGN
 * are piecewise constant: their derivative is zero (used for masks). LOGISTIC_SLOPE is y(1 − y)
 * and TANH_SLOPE is 1 − y²: the derivatives of sigmoid and tanh written in terms of their
 * outputs. The derivative rules of SIGMOID and TANH multiply by these slopes in one binary
 * primitive ({@code Arithmetic.MUL_LOGISTIC_SLOPE}, {@code MUL_TANH_SLOPE}), so a backward pass
 * forms no slope tensor and a linearization keeps only the output.
 */
public enum UnaryOp implements ElementFunction {
    IDENTITY((x, p) -> x, constant((g, p) -> g)),
    NEG((x, p) -> -x, constant((g, p) -> Rules.neg(g))),
    EXP((x, p) -> Math.exp(x), ofOutput((g, y, p) -> Rules.mul(g, y))),
    LOG((x, p) -> Math.log(x), ofInput((g, x, p) -> Rules.div(g, x))),
    LOG1P((x, p) -> Math.log1p(x), ofInput((g, x, p) -> Rules.div(g, Rules.shift(x, 1)))),
    TANH((x, p) -> Math.tanh(x), ofOutput((g, y, p) -> Rules.mulTanhSlope(g, y))),
    SIGMOID(UnaryOp::stableSigmoid, ofOutput((g, y, p) -> Rules.mulLogisticSlope(g, y))),
    /** log(1 + e^x) = max(x, 0) + log1p(e^−|x|): no overflow. */
    SOFTPLUS((x, p) -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))), ofInput((g, x, p) -> Rules.mul(g, sigmoid(x)))),
    /** x/(1 + |x|); its second derivative jumps at 0. */
    SOFTSIGN((x, p) -> x / (1 + Math.abs(x)), ofInput((g, x, p) -> Rules.div(g, square(Rules.shift(abs(x), 1))))),
    /** NaN stays NaN. */
    RELU((x, p) -> x > 0 || x != x ? x : 0.0, ofInput((g, x, p) -> Rules.mul(g, step(x)))),
    ABS((x, p) -> Math.abs(x), ofInput((g, x, p) -> Rules.mul(g, sign(x)))),
    SQRT((x, p) -> Math.sqrt(x), ofOutput((g, y, p) -> Rules.div(g, Rules.scale(y, 2)))),
    SQUARE((x, p) -> x * x, ofInput((g, x, p) -> Rules.mul(g, Rules.scale(x, 2)))),
    POW(UnaryOp::powWithShortcuts, ofInput((g, x, p) -> p == 0 ? null : Rules.mul(g, Rules.scale(pow(x, p - 1), p)))),
    SCALE((x, p) -> p * x, constant((g, p) -> Rules.scale(g, p))),
    ADD_SCALAR((x, p) -> p + x, constant((g, p) -> g)),
    /** 1 where x > 0, else 0; NaN stays NaN. */
    STEP((x, p) -> x > 0 ? 1.0 : x <= 0 ? 0.0 : x, zero()),
    /** -1, 0 or 1; NaN stays NaN. */
    SIGN((x, p) -> Math.signum(x), zero()),
    LOGISTIC_SLOPE((x, p) -> x * (1 - x), ofInput((g, x, p) -> Rules.mul(g, Rules.shift(Rules.scale(x, -2), 1)))),
    TANH_SLOPE((x, p) -> 1 - x * x, ofInput((g, x, p) -> Rules.mul(g, Rules.scale(x, -2))));

    private final DoubleBinaryOperator formula;
    private final Derivative derivative;

    UnaryOp(DoubleBinaryOperator formula, Derivative derivative) {
        this.formula = formula;
        this.derivative = derivative;
    }

    @Override
    public double apply(double x, double p) {
        return formula.applyAsDouble(x, p);
    }

    Derivative derivative() {
        return derivative;
    }

    /** g · f'(x), written with the primitives; y = f(x), p = the function's parameter. */
    @FunctionalInterface
    interface Chain {
        Tensor times(Tensor g, Tensor x, Tensor y, double p);
    }

    /** A derivative written from one value: the input x or the output y. */
    @FunctionalInterface
    interface FromValue {
        Tensor times(Tensor g, Tensor value, double p);
    }

    /** A derivative that needs no value at all. */
    @FunctionalInterface
    interface Constant {
        Tensor times(Tensor g, double p);
    }

    /** The chain rule of a function and the values it reads, so reverse mode keeps just those; a null chain is a zero derivative. */
    record Derivative(Chain chain, boolean readsInput, boolean readsOutput) {
    }

    private static Derivative ofInput(FromValue f) {
        return new Derivative((g, x, y, p) -> f.times(g, x, p), true, false);
    }

    private static Derivative ofOutput(FromValue f) {
        return new Derivative((g, x, y, p) -> f.times(g, y, p), false, true);
    }

    private static Derivative constant(Constant f) {
        return new Derivative((g, x, y, p) -> f.times(g, p), false, false);
    }

    /** Piecewise constant functions: derivative zero. */
    private static Derivative zero() {
        return new Derivative(null, false, false);
    }

    // The functions the rules above apply, as methods: a constant's initialiser may not name another constant.

    private static Tensor sigmoid(Tensor x) {
        return Unary.apply(SIGMOID, 0, x);
    }

    private static Tensor step(Tensor x) {
        return Unary.apply(STEP, 0, x);
    }

    private static Tensor sign(Tensor x) {
        return Unary.apply(SIGN, 0, x);
    }

    private static Tensor abs(Tensor x) {
        return Unary.apply(ABS, 0, x);
    }

    private static Tensor square(Tensor x) {
        return Unary.apply(SQUARE, 0, x);
    }

    private static Tensor pow(Tensor x, double p) {
        return Unary.apply(POW, p, x);
    }

    /** 1/(1 + e^−x), from e^−|x| so that it never overflows. */
    private static double stableSigmoid(double x, double p) {
        double e = Math.exp(-Math.abs(x));
        return x >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    }

    /** x^p, with the exact shortcuts every backend takes for the common exponents. */
    private static double powWithShortcuts(double x, double p) {
        if (p == 2) return x * x;
        if (p == 1) return x;
        if (p == 0.5) return Math.sqrt(x);
        if (p == -1) return 1.0 / x;
        return Math.pow(x, p);
    }
}
