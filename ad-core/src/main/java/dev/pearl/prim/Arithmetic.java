package dev.pearl.prim;

import dev.pearl.backend.BinaryOp;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import dev.pearl.trace.Primitive;

import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * add, sub, mul, div with NumPy broadcasting, and the products of a derivative with the logistic's or
 * tanh's slope read from their output. Cotangents are summed back over broadcast axes.
 */
public abstract class Arithmetic extends Primitive {
    public static final Primitive ADD = new Arithmetic(BinaryOp.ADD) {
        @Override
        public Tensor jvp(Tensor[] x, Tensor[] t, Tensor out) {
            return Rules.expand(Rules.plus(t[0], t[1]), out.shape());
        }

        @Override
        public Tensor[] vjp(Tensor[] x, Tensor out, Tensor ct, boolean[] needs) {
            return new Tensor[]{needs[0] ? Rules.sumTo(ct, x[0].shape()) : null, needs[1] ? Rules.sumTo(ct, x[1].shape()) : null};
        }

        @Override
        public boolean vjpReadsInput(int i) {
            return false;
        }
    };

    public static final Primitive SUB = new Arithmetic(BinaryOp.SUB) {
        @Override
        public Tensor jvp(Tensor[] x, Tensor[] t, Tensor out) {
            Tensor d = t[1] == null ? t[0] : t[0] == null ? Rules.neg(t[1]) : Rules.sub(t[0], t[1]);
            return Rules.expand(d, out.shape());
        }

        @Override
        public Tensor[] vjp(Tensor[] x, Tensor out, Tensor ct, boolean[] needs) {
            return new Tensor[]{needs[0] ? Rules.sumTo(ct, x[0].shape()) : null, needs[1] ? Rules.sumTo(Rules.neg(ct), x[1].shape()) : null};
        }

        @Override
        public boolean vjpReadsInput(int i) {
            return false;
        }
    };

    public static final Primitive MUL = new Arithmetic(BinaryOp.MUL) {
        @Override
        public Tensor jvp(Tensor[] x, Tensor[] t, Tensor out) {
            Tensor a = t[0] == null ? null : Rules.mul(t[0], x[1]);
            Tensor b = t[1] == null ? null : Rules.mul(x[0], t[1]);
            return Rules.expand(Rules.plus(a, b), out.shape());
        }

        @Override
        public Tensor[] vjp(Tensor[] x, Tensor out, Tensor ct, boolean[] needs) {
            return new Tensor[]{
                    needs[0] ? Rules.sumTo(Rules.mul(ct, x[1]), x[0].shape()) : null,
                    needs[1] ? Rules.sumTo(Rules.mul(ct, x[0]), x[1].shape()) : null};
        }
    };

    /** d(a/b) = da/b - (a/b)·db/b. */
    public static final Primitive DIV = new Arithmetic(BinaryOp.DIV) {
        @Override
        public Tensor jvp(Tensor[] x, Tensor[] t, Tensor out) {
            Tensor a = t[0] == null ? null : Rules.div(t[0], x[1]);
            Tensor b = t[1] == null ? null : Rules.neg(Rules.div(Rules.mul(out, t[1]), x[1]));
            return Rules.expand(Rules.plus(a, b), out.shape());
        }

        @Override
        public Tensor[] vjp(Tensor[] x, Tensor out, Tensor ct, boolean[] needs) {
            Tensor ga = needs[0] || needs[1] ? Rules.div(ct, x[1]) : null;
            return new Tensor[]{
                    needs[0] ? Rules.sumTo(ga, x[0].shape()) : null,
                    needs[1] ? Rules.sumTo(Rules.neg(Rules.mul(ga, out)), x[1].shape()) : null};
        }

        @Override
        public boolean vjpReadsInput(int i) {
            return i == 1;
        }
    };

    /**
     * g · s(y) for a slope s read from a function's output y: y(1 − y) (logistic) or 1 − y²
     * (tanh). Linear in g; d/dy = g · s'(y) with s'(y) = 1 − 2y or −2y.
     */
    private static final class SlopeProduct extends Arithmetic {
        /** g · s(y), this primitive again (so higher derivatives go through it too). */
        private final BinaryOperator<Tensor> times;
        /** s'(y) from y. */
        private final UnaryOperator<Tensor> slopeDerivative;

        SlopeProduct(BinaryOp op, BinaryOperator<Tensor> times, UnaryOperator<Tensor> slopeDerivative) {
            super(op);
            this.times = times;
            this.slopeDerivative = slopeDerivative;
        }

        @Override
        public Tensor jvp(Tensor[] x, Tensor[] t, Tensor out) {
            Tensor a = t[0] == null ? null : times.apply(t[0], x[1]);
            Tensor b = t[1] == null ? null : Rules.mul(Rules.mul(x[0], slopeDerivative.apply(x[1])), t[1]);
            return Rules.expand(Rules.plus(a, b), out.shape());
        }

        @Override
        public Tensor[] vjp(Tensor[] x, Tensor out, Tensor ct, boolean[] needs) {
            return new Tensor[]{
                    needs[0] ? Rules.sumTo(times.apply(ct, x[1]), x[0].shape()) : null,
                    needs[1] ? Rules.sumTo(Rules.mul(Rules.mul(ct, x[0]), slopeDerivative.apply(x[1])), x[1].shape()) : null};
        }

        /** Both rules read y; the one for y reads g too. */
        @Override
        public boolean vjpReadsInput(int i) {
            return true;
        }
    }

    /** g · y(1 − y); s'(y) = 1 − 2y. */
    public static final Primitive MUL_LOGISTIC_SLOPE = new SlopeProduct(BinaryOp.MUL_LOGISTIC_SLOPE,
            Rules::mulLogisticSlope, y -> Rules.shift(Rules.scale(y, -2), 1));

    /** g · (1 − y²); s'(y) = −2y. */
    public static final Primitive MUL_TANH_SLOPE = new SlopeProduct(BinaryOp.MUL_TANH_SLOPE,
            Rules::mulTanhSlope, y -> Rules.scale(y, -2));

    private final BinaryOp op;

    private Arithmetic(BinaryOp op) {
        super(op.name().toLowerCase());
        this.op = op;
    }

    @Override
    public Shape outputShape(Tensor[] in) {
        return Shape.broadcast(name(), in[0].shape(), in[1].shape());
    }

    /** Only div's rule reads its output. */
    @Override
    public boolean vjpReadsOutput() {
        return op == BinaryOp.DIV;
    }

    @Override
    protected DenseTensor forward(Backend backend, DenseTensor[] in, Shape out) {
        return backend.binary(op, in[0], in[1], out);
    }
}
