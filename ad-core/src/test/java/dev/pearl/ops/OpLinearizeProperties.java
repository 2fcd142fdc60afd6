package dev.pearl.ops;

import dev.pearl.Params;
import dev.pearl.ad.AD;
import dev.pearl.ad.Linearized;
import dev.pearl.check.Directions;
import dev.pearl.testing.TestBackends;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.function.Function;

/**
 * linearize on every op: its recorded tangent map equals AD.jvp, its transpose equals AD.vjp's
 * pullback, and the two are adjoint. This exercises each JVP rule's linearity in the tangent and
 * each VJP rule under transposition.
 */
class OpLinearizeProperties {

    @Provide
    Arbitrary<OpInstance> anyOp() {
        return OpCatalog.anyInstance();
    }

    @Property(tries = OpDerivativeProperties.TRIES / 2)
    void linearizedMapsEqualJvpAndVjpAndAreAdjoint(@ForAll("anyOp") OpInstance op, @ForAll long seed) {
        TestBackends.forEach(b -> {
            Function<Params, Params> f = op.vectorFunction();
            Params x = op.inputsOn(b);
            Linearized lin = AD.linearize(f, x);
            Params v = Directions.normal(x, seed), u = Directions.normal(lin.value(), seed + 1);
            String at = op.toString();
            op.checker().agree("linearize value", at, "lin.value()", lin.value(), "f(x)", f.apply(x)).assertOk();
            op.checker().agree("lin.jvp vs AD.jvp", at, "lin.jvp(v)", lin.jvp(v), "AD.jvp tangent", AD.jvp(f, x, v).tangent()).assertOk();
            op.checker().agree("lin.vjp vs AD.vjp", at, "lin.vjp(u)", lin.vjp(u), "AD.vjp pullback", AD.vjp(f, x).pullback(u)).assertOk();
            op.checker().adjoint("linearized " + at, lin::jvp, lin::vjp, u, v).assertOk();
        });
    }
}
