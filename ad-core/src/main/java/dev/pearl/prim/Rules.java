package dev.pearl.prim;

import dev.pearl.backend.BinaryOp;
import dev.pearl.backend.ReduceOp;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

import java.util.Arrays;

/**
 * The vocabulary derivative rules are written in: the primitives of this package applied
 * directly, never through the public {@code Ops} facade, so dependencies point one way (the
 * facade uses the primitives, not the reverse). A null tensor stands for zero where noted.
 */
final class Rules {
    private Rules() {
    }

    static Tensor add(Tensor a, Tensor b) {
        return Arithmetic.ADD.bind(a, b);
    }

    static Tensor sub(Tensor a, Tensor b) {
        return Arithmetic.SUB.bind(a, b);
    }

    static Tensor mul(Tensor a, Tensor b) {
        return Arithmetic.MUL.bind(a, b);
    }

    static Tensor div(Tensor a, Tensor b) {
        return Arithmetic.DIV.bind(a, b);
    }

    /** g · y(1 − y) in one pass: linearize then keeps y (which it holds anyway), not a slope tensor beside it. */
    static Tensor mulLogisticSlope(Tensor g, Tensor y) {
        return Arithmetic.MUL_LOGISTIC_SLOPE.bind(g, y);
    }

    /** g · (1 − y²) in one pass, as {@link #mulLogisticSlope}. */
    static Tensor mulTanhSlope(Tensor g, Tensor y) {
        return Arithmetic.MUL_TANH_SLOPE.bind(g, y);
    }

    static Tensor neg(Tensor x) {
        return Unary.apply(UnaryOp.NEG, 0, x);
    }

    /** c·x. */
    static Tensor scale(Tensor x, double c) {
        return c == 1 ? x : Unary.apply(UnaryOp.SCALE, c, x);
    }

    /** x + c. */
    static Tensor shift(Tensor x, double c) {
        return c == 0 ? x : Unary.apply(UnaryOp.ADD_SCALAR, c, x);
    }

    static Tensor eq(Tensor a, Tensor b) {
        return Compare.apply(BinaryOp.EQ, a, b);
    }

    static Tensor where(Tensor mask, Tensor a, Tensor b) {
        return Where.INSTANCE.bind(mask, a, b);
    }

    static Tensor sum(Tensor x, boolean keepDims, int... axes) {
        return Reduce.apply(ReduceOp.SUM, x, keepDims, axes);
    }

    /** Zeros of the given shape in like's dtype on like's backend (a constant). */
    static Tensor zeros(Shape shape, Tensor like) {
        return like.backend().full(shape, like.dtype(), 0);
    }

    /** Sums g over the axes that broadcasting expanded, giving a tensor of shape s. */
    static Tensor sumTo(Tensor g, Shape s) {
        if (g == null || g.shape().equals(s)) return g;
        int lead = g.rank() - s.rank();
        int[] axes = new int[g.rank()];
        int n = 0;
        for (int i = 0; i < g.rank(); i++) {
            if (i < lead || s.dim(i - lead) == 1 && g.dim(i) != 1) axes[n++] = i;
        }
        Tensor r = n == 0 ? g : sum(g, false, Arrays.copyOf(axes, n));
        return ShapeOps.reshape(r, s);
    }

    /** t broadcast to shape s (t itself when it already has that shape). */
    static Tensor expand(Tensor t, Shape s) {
        return t == null ? null : ShapeOps.broadcastTo(t, s);
    }

    /** a + b, null standing for zero. */
    static Tensor plus(Tensor a, Tensor b) {
        if (a == null) return b;
        if (b == null) return a;
        return add(a, b);
    }

    static Tensor[] one(Tensor t) {
        return new Tensor[]{t};
    }
}
