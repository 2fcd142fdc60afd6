package dev.pearl.ad;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.check.Checker;
import dev.pearl.check.Directions;
import dev.pearl.check.PearlArbitraries;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import dev.pearl.testing.HostTensor;
import dev.pearl.testing.TestBackends;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * linearize on a small two-layer model with two parameter tensors and two outputs: its maps
 * equal AD.jvp and AD.vjp (also when called repeatedly), are adjoint, and the Gauss-Newton-style
 * product Jᵀ J built from them is symmetric and positive semi-definite.
 */
class LinearizeModelProperties {
    private static final Checker CHECK = Checker.defaults();

    /** Weights [3,h] and bias [h] for h in 1..4, and an input batch [n,3]. */
    @Provide
    Arbitrary<List<HostTensor>> models() {
        Arbitrary<Integer> dim = Arbitraries.integers().between(1, 4);
        return Combinators.combine(dim, dim).flatAs((hidden, batch) -> Combinators.combine(
                tensor(Shape.of(3, hidden)), tensor(Shape.of(hidden)), tensor(Shape.of(batch, 3))).as(List::of));
    }

    private static Arbitrary<HostTensor> tensor(Shape s) {
        return PearlArbitraries.values(s, PearlArbitraries.uniform(-1.5, 1.5)).map(v -> new HostTensor(s, v));
    }

    /** {hidden: tanh(X W + b), score: sum over the batch of softplus(hidden)·hidden}. */
    private static Function<Params, Params> model(Tensor input) {
        return p -> {
            Tensor hidden = Ops.tanh(Ops.add(Ops.matmul(input, p.get("w")), p.get("b")));
            Tensor score = Ops.sum(Ops.mul(Ops.softplus(hidden), hidden), 0);
            return Params.builder().add("hidden", hidden).add("score", score).build();
        };
    }

    private static Params params(Backend b, List<HostTensor> m) {
        return Params.builder().add("w", m.get(0).on(b, DType.FLOAT64)).add("b", m.get(1).on(b, DType.FLOAT64)).build();
    }

    @Property(tries = 30)
    void linearizedMapsEqualTheTransformsAndAreAdjoint(@ForAll("models") List<HostTensor> m, @ForAll long seed) {
        TestBackends.forEach(b -> {
            Function<Params, Params> f = model(m.get(2).on(b, DType.FLOAT64));
            Params theta = params(b, m);
            Linearized lin = AD.linearize(f, theta);
            Params v = Directions.normal(theta, seed), u = Directions.normal(lin.value(), seed + 1);
            String at = "model " + m;
            Params jv = lin.jvp(v), jtu = lin.vjp(u);
            CHECK.agree("linearize value", at, "lin.value()", lin.value(), "f(θ)", f.apply(theta)).assertOk();
            CHECK.agree("lin.jvp vs AD.jvp", at, "lin.jvp(v)", jv, "AD.jvp tangent", AD.jvp(f, theta, v).tangent()).assertOk();
            CHECK.agree("lin.vjp vs AD.vjp", at, "lin.vjp(u)", jtu, "AD.vjp pullback", AD.vjp(f, theta).pullback(u)).assertOk();
            CHECK.agree("lin.jvp repeated", at, "first call", jv, "second call", lin.jvp(v)).assertOk();
            CHECK.agree("lin.vjp repeated", at, "first call", jtu, "second call", lin.vjp(u)).assertOk();
            CHECK.adjoint("linearized " + at, lin::jvp, lin::vjp, u, v).assertOk();
            CHECK.jvp(f, theta, seed).assertOk();
            CHECK.vjp(f, theta, seed).assertOk();
        });
    }

    @Property(tries = 30)
    void jacobianTransposeJacobianIsSymmetricAndPositiveSemiDefinite(@ForAll("models") List<HostTensor> m, @ForAll long seed) {
        TestBackends.forEach(b -> {
            Params theta = params(b, m);
            Linearized lin = AD.linearize(model(m.get(2).on(b, DType.FLOAT64)), theta);
            UnaryOperator<Params> gaussNewton = v -> lin.vjp(lin.jvp(v));
            CHECK.positiveSemiDefinite("Jᵀ J of model " + m, gaussNewton, theta, seed).assertOk();
            CHECK.symmetric("Jᵀ J of model " + m, gaussNewton, Directions.normal(theta, seed + 1), Directions.normal(theta, seed)).assertOk();
        });
    }
}
