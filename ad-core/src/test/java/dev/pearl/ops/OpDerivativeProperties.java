package dev.pearl.ops;

import dev.pearl.Params;
import dev.pearl.testing.TestBackends;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Set;

/**
 * First and second derivatives of every op against central differences and the identities they
 * obey, on every test backend. Each try picks an op uniformly, so {@link #TRIES} gives each of
 * the ~55 op cases about 15 tries per run. {@code -Dpearl.test.ops=softsign,tanh} spends all
 * tries on the named ops (names without parameter types), e.g. for an op just added.
 */
class OpDerivativeProperties {
    static final int TRIES = 800;
    static final String ONLY = "pearl.test.ops";

    @Provide
    Arbitrary<OpInstance> anyOp() {
        String only = System.getProperty(ONLY, "").trim();
        return only.isEmpty() ? OpCatalog.anyInstance() : OpCatalog.instancesOf(Set.of(only.split("\\s*,\\s*")));
    }

    @Property(tries = TRIES)
    void jvpMatchesCentralDifferences(@ForAll("anyOp") OpInstance op, @ForAll long seed) {
        TestBackends.forEach(b -> op.checker().jvp(op.vectorFunction(), op.inputsOn(b), seed).assertOk());
    }

    @Property(tries = TRIES)
    void vjpPassesTheAdjointTestAgainstCentralDifferences(@ForAll("anyOp") OpInstance op, @ForAll long seed) {
        TestBackends.forEach(b -> op.checker().vjp(op.vectorFunction(), op.inputsOn(b), seed).assertOk());
    }

    @Property(tries = TRIES)
    void jvpAndVjpAreAdjoint(@ForAll("anyOp") OpInstance op, @ForAll long seed) {
        TestBackends.forEach(b -> op.checker().adjoint(op.vectorFunction(), op.inputsOn(b), seed).assertOk());
    }

    @Property(tries = TRIES)
    void hvpMatchesCentralDifferencesOfTheGradient(@ForAll("anyOp") OpInstance op, @ForAll long seed) {
        TestBackends.forEach(b -> {
            Params x = op.inputsOn(b);
            op.checker().hvp(Scalarisation.of(op, x, seed), x, seed).assertOk();
        });
    }

    @Property(tries = TRIES)
    void hessianIsSymmetric(@ForAll("anyOp") OpInstance op, @ForAll long seed) {
        TestBackends.forEach(b -> {
            Params x = op.inputsOn(b);
            op.checker().hessianSymmetry(Scalarisation.of(op, x, seed), x, seed).assertOk();
        });
    }
}
