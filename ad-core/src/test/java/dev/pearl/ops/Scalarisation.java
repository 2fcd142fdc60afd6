package dev.pearl.ops;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.check.Directions;
import dev.pearl.tensor.Tensor;

import java.util.function.Function;

/**
 * A scalar function built from an op for second-order checks:
 * {@code s(x) = sum(w ⊙ f(x)) + ½ sum(f(x)²)} with fixed random w. The first term carries f's
 * own curvature, the second adds {@code Jᵀ J}, so even linear ops get a non-zero Hessian that
 * exercises their JVP and VJP rules together.
 */
final class Scalarisation {
    private Scalarisation() {
    }

    static Function<Params, Tensor> of(OpInstance op, Params x, long seed) {
        Function<Params, Tensor> f = op.function();
        Tensor w = Directions.normal(f.apply(x), seed + 2);
        return p -> {
            Tensor y = f.apply(p);
            return Ops.add(Ops.sum(Ops.mul(y, w)), Ops.mul(Ops.sum(Ops.square(y)), 0.5));
        };
    }
}
