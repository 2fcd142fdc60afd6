package dev.pearl.ops;

import dev.pearl.Params;
import dev.pearl.ad.AD;
import dev.pearl.check.Directions;
import dev.pearl.tensor.Tensor;
import dev.pearl.testing.TestBackends;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Set;
import java.util.function.Function;

/** Third derivatives: the jvp of x -> H(x) v against central differences of H(x) v, on ops with non-zero third derivatives. */
class ThirdOrderProperties {

    @Provide
    Arbitrary<OpInstance> curvedOps() {
        return OpCatalog.instancesOf(Set.of("exp", "log", "tanh", "sigmoid", "softplus", "pow", "mul", "div", "matmul", "logSumExp", "softmax", "conv2d"));
    }

    @Property(tries = 100)
    void jvpOfHvpMatchesCentralDifferences(@ForAll("curvedOps") OpInstance op, @ForAll long seed) {
        TestBackends.forEach(b -> {
            Params x = op.inputsOn(b);
            Function<Params, Tensor> s = Scalarisation.of(op, x, seed);
            Params v = Directions.normal(x, seed + 3);
            op.checker().jvp(p -> AD.hvp(s, p, v), x, seed).assertOk();
        });
    }
}
