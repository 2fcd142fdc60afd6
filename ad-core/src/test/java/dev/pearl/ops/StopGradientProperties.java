package dev.pearl.ops;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.ad.AD;
import dev.pearl.check.Checker;
import dev.pearl.check.Directions;
import dev.pearl.check.PearlArbitraries;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Tensor;
import dev.pearl.testing.HostTensor;
import dev.pearl.testing.TestBackends;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.function.Function;

/**
 * stopGradient(x) has x's value and a zero derivative, so finite differences of the function
 * itself cannot confirm it. Instead: at every point x0, the derivatives of
 * {@code x -> x * stopGradient(x)} must equal those of {@code x -> x * x0} with x0 a constant,
 * whose derivatives are checked against central differences here too.
 */
class StopGradientProperties {

    @Provide
    Arbitrary<HostTensor> points() {
        return PearlArbitraries.shapes(0, 3, 3).flatMap(s -> PearlArbitraries.values(s, PearlArbitraries.uniform(-2, 2)).map(v -> new HostTensor(s, v)));
    }

    @Property(tries = 40)
    void derivativesTreatTheStoppedValueAsAConstant(@ForAll("points") HostTensor point, @ForAll long seed) {
        TestBackends.forEach(b -> {
            Tensor x0 = point.on(b, DType.FLOAT64);
            Params x = Params.of(x0);
            Function<Params, Tensor> stopped = p -> Ops.mul(p.get(0), Ops.stopGradient(p.get(0)));
            Function<Params, Tensor> constant = p -> Ops.mul(p.get(0), x0);
            Function<Params, Tensor> stoppedSquares = p -> Ops.sum(Ops.square(stopped.apply(p)));
            Function<Params, Tensor> constantSquares = p -> Ops.sum(Ops.square(constant.apply(p)));
            Params v = Directions.normal(x, seed);
            Params u = Params.of("out", Directions.normal(x0, seed + 1));
            Checker c = Checker.defaults();
            String at = "x = " + point;

            c.agree("value", at, "x*stopGradient(x)", out(stopped).apply(x), "x*x0", out(constant).apply(x)).assertOk();
            c.agree("jvp", at, "through stopGradient", AD.jvp(out(stopped), x, v).tangent(),
                    "with x0 constant", AD.jvp(out(constant), x, v).tangent()).assertOk();
            c.agree("vjp", at, "through stopGradient", AD.vjp(out(stopped), x).pullback(u),
                    "with x0 constant", AD.vjp(out(constant), x).pullback(u)).assertOk();
            c.agree("hvp", at, "through stopGradient", AD.hvp(stoppedSquares, x, v),
                    "with x0 constant", AD.hvp(constantSquares, x, v)).assertOk();
            // ... and those of the constant form are right.
            c.jvp(out(constant), x, seed).assertOk();
            c.hvp(constantSquares, x, seed).assertOk();
        });
    }

    private static Function<Params, Params> out(Function<Params, Tensor> f) {
        return Checker.tensorValued(f);
    }
}
