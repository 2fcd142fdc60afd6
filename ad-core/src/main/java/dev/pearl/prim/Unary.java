package dev.pearl.prim;

import dev.pearl.DenseTensor;
import dev.pearl.Ops;
import dev.pearl.Shape;
import dev.pearl.Tensor;
import dev.pearl.ad.Primitive;
import dev.pearl.backend.Backend;
import dev.pearl.backend.UnaryOp;

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

    private final UnaryOp op;
    private final double param;
    private final Chain chain;

    private Unary(UnaryOp op, double param) {
        super(op.name().toLowerCase());
        this.op = op;
        this.param = param;
        this.chain = derivative(op);
    }

    public static Tensor apply(UnaryOp op, double param, Tensor x) {
        return new Unary(op, param).bind(x);
    }

    private static Chain derivative(UnaryOp op) {
        switch (op) {
            case IDENTITY: return (g, x, y, p) -> g;
            case NEG: return (g, x, y, p) -> Ops.neg(g);
            case EXP: return (g, x, y, p) -> Ops.mul(g, y);
            case LOG: return (g, x, y, p) -> Ops.div(g, x);
            case LOG1P: return (g, x, y, p) -> Ops.div(g, Ops.add(x, 1));
            case TANH: return (g, x, y, p) -> Ops.mul(g, Ops.tanhSlope(y));
            case SIGMOID: return (g, x, y, p) -> Ops.mul(g, Ops.logisticSlope(y));
            case LOGISTIC_SLOPE: return (g, x, y, p) -> Ops.mul(g, Ops.add(Ops.mul(x, -2), 1));
            case TANH_SLOPE: return (g, x, y, p) -> Ops.mul(g, Ops.mul(x, -2));
            case SOFTPLUS: return (g, x, y, p) -> Ops.mul(g, Ops.sigmoid(x));
            case RELU: return (g, x, y, p) -> Ops.mul(g, Ops.step(x));
            case ABS: return (g, x, y, p) -> Ops.mul(g, Ops.sign(x));
            case SQRT: return (g, x, y, p) -> Ops.div(g, Ops.mul(y, 2));
            case SQUARE: return (g, x, y, p) -> Ops.mul(g, Ops.mul(x, 2));
            case POW: return (g, x, y, p) -> p == 0 ? null : Ops.mul(g, Ops.mul(Ops.pow(x, p - 1), p));
            case SCALE: return (g, x, y, p) -> Ops.mul(g, p);
            case ADD_SCALAR: return (g, x, y, p) -> g;
            case STEP: case SIGN: return null;
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
        if (chain == null || tangents[0] == null) return null;
        return chain.times(tangents[0], primals[0], out, param);
    }

    @Override
    public Tensor[] vjp(Tensor[] primals, Tensor out, Tensor ct, boolean[] needs) {
        if (chain == null || !needs[0]) return new Tensor[1];
        return Rules.one(chain.times(ct, primals[0], out, param));
    }
}
