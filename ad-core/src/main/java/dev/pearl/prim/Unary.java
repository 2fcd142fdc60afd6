package dev.pearl.prim;

import dev.pearl.backend.UnaryOp;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import dev.pearl.trace.Primitive;

/**
 * Elementwise functions of one tensor. Each is declared by its kernel and its derivative
 * f'(x) (given x and y = f(x)); the JVP is t·f'(x) and, the Jacobian being diagonal, the VJP is
 * the same product with the cotangent.
 *
 * <p>Non-smooth points: relu'(0) = 0, abs'(0) = 0 (sign(0) = 0), sqrt'(0) = +inf. STEP and SIGN
 * are piecewise constant: their derivative is zero (used for masks).
 */
public final class Unary extends Primitive {
    /** g · f'(x), written with Pearl ops; y = f(x), p = the op's parameter. */
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

    /** The chain rule of an op and the values it reads, so reverse mode keeps just those. */
    private record Derivative(Chain chain, boolean readsInput, boolean readsOutput) {
        static Derivative ofInput(FromValue f) {
            return new Derivative((g, x, y, p) -> f.times(g, x, p), true, false);
        }

        static Derivative ofOutput(FromValue f) {
            return new Derivative((g, x, y, p) -> f.times(g, y, p), false, true);
        }

        static Derivative constant(Constant f) {
            return new Derivative((g, x, y, p) -> f.times(g, p), false, false);
        }

        /** Piecewise constant functions: derivative zero. */
        static Derivative zero() {
            return new Derivative(null, false, false);
        }
    }

    private final UnaryOp op;
    private final double param;
    private final Derivative derivative;

    private Unary(UnaryOp op, double param) {
        super(op.name().toLowerCase());
        this.op = op;
        this.param = param;
        this.derivative = derivative(op);
    }

    public static Tensor apply(UnaryOp op, double param, Tensor x) {
        return new Unary(op, param).bind(x);
    }

    private static Derivative derivative(UnaryOp op) {
        switch (op) {
            case IDENTITY: return Derivative.constant((g, p) -> g);
            case NEG: return Derivative.constant((g, p) -> Rules.neg(g));
            case EXP: return Derivative.ofOutput((g, y, p) -> Rules.mul(g, y));
            case LOG: return Derivative.ofInput((g, x, p) -> Rules.div(g, x));
            case LOG1P: return Derivative.ofInput((g, x, p) -> Rules.div(g, Rules.shift(x, 1)));
            case TANH: return Derivative.ofOutput((g, y, p) -> Rules.mul(g, apply(UnaryOp.TANH_SLOPE, 0, y)));
            case SIGMOID: return Derivative.ofOutput((g, y, p) -> Rules.mul(g, apply(UnaryOp.LOGISTIC_SLOPE, 0, y)));
            case LOGISTIC_SLOPE: return Derivative.ofInput((g, x, p) -> Rules.mul(g, Rules.shift(Rules.scale(x, -2), 1)));
            case TANH_SLOPE: return Derivative.ofInput((g, x, p) -> Rules.mul(g, Rules.scale(x, -2)));
            case SOFTPLUS: return Derivative.ofInput((g, x, p) -> Rules.mul(g, apply(UnaryOp.SIGMOID, 0, x)));
            case RELU: return Derivative.ofInput((g, x, p) -> Rules.mul(g, apply(UnaryOp.STEP, 0, x)));
            case ABS: return Derivative.ofInput((g, x, p) -> Rules.mul(g, apply(UnaryOp.SIGN, 0, x)));
            case SQRT: return Derivative.ofOutput((g, y, p) -> Rules.div(g, Rules.scale(y, 2)));
            case SQUARE: return Derivative.ofInput((g, x, p) -> Rules.mul(g, Rules.scale(x, 2)));
            case POW: return Derivative.ofInput((g, x, p) -> p == 0 ? null : Rules.mul(g, Rules.scale(apply(UnaryOp.POW, p - 1, x), p)));
            case SCALE: return Derivative.constant((g, p) -> Rules.scale(g, p));
            case ADD_SCALAR: return Derivative.constant((g, p) -> g);
            case STEP: case SIGN: return Derivative.zero();
            default: throw new IllegalStateException("no derivative declared for " + op);
        }
    }

    @Override
    public Shape outputShape(Tensor[] in) {
        return in[0].shape();
    }

    @Override
    protected DenseTensor forward(Backend backend, DenseTensor[] in, Shape out) {
        return backend.unary(op, param, in[0]);
    }

    @Override
    public Tensor jvp(Tensor[] primals, Tensor[] tangents, Tensor out) {
        if (derivative.chain() == null || tangents[0] == null) return null;
        return derivative.chain().times(tangents[0], primals[0], out, param);
    }

    @Override
    public Tensor[] vjp(Tensor[] primals, Tensor out, Tensor ct, boolean[] needs) {
        if (derivative.chain() == null || !needs[0]) return new Tensor[1];
        return Rules.one(derivative.chain().times(ct, primals[0], out, param));
    }

    @Override
    public boolean vjpReadsInput(int i) {
        return derivative.readsInput();
    }

    @Override
    public boolean vjpReadsOutput() {
        return derivative.readsOutput();
    }
}
