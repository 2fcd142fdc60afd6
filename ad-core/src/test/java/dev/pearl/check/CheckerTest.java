package dev.pearl.check;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks pass on right derivatives, fail on each kind of wrong one, and say where and by how much. */
class CheckerTest {
    private static final Checker CHECK = Checker.defaults();
    private static final long SEED = 42;

    private static Params point(Backend b) {
        return Params.of("x", b.fromArray(new double[]{0.5, -1.25, 2}, Shape.of(3), DType.FLOAT64));
    }

    /** sum(tanh(p(x))): the primitive under test inside a small composition. */
    private static Function<Params, Tensor> scalar(FaultySquare p) {
        return q -> Ops.sum(Ops.tanh(p.bind(q.get(0))));
    }

    private static Function<Params, Params> vector(FaultySquare p) {
        return q -> Params.of("y", Ops.tanh(p.bind(q.get(0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void rightRulesPassEveryCheck(Backend b) {
        FaultySquare ok = FaultySquare.correct();
        CheckResult.assertAllOk(CHECK.scalarFunction(scalar(ok), point(b), SEED));
        CHECK.adjoint(vector(ok), point(b), SEED).assertOk();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void aWrongJvpFailsTheJvpAndAdjointChecksButNotTheVjpCheck(Backend b) {
        FaultySquare p = new FaultySquare(1.001, 1, false);
        assertFalse(CHECK.jvp(vector(p), point(b), SEED).ok());
        assertFalse(CHECK.adjoint(vector(p), point(b), SEED).ok());
        assertTrue(CHECK.vjp(vector(p), point(b), SEED).ok());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void aWrongVjpFailsTheVjpAndAdjointChecksButNotTheJvpCheck(Backend b) {
        FaultySquare p = new FaultySquare(1, 1.001, false);
        assertFalse(CHECK.vjp(vector(p), point(b), SEED).ok());
        assertFalse(CHECK.adjoint(vector(p), point(b), SEED).ok());
        assertTrue(CHECK.jvp(vector(p), point(b), SEED).ok());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void aVjpThatIsNotDifferentiableAgainFailsTheHvpCheckOnly(Backend b) {
        FaultySquare p = new FaultySquare(1, 1, true);
        assertTrue(CHECK.vjp(vector(p), point(b), SEED).ok(), "first derivatives are right");
        assertFalse(CHECK.hvp(scalar(p), point(b), SEED).ok());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void aFailureMessageNamesCheckInputSeedLocationAndNumbers(Backend b) {
        CheckResult r = CHECK.jvp(vector(new FaultySquare(2, 1, false)), point(b), SEED);
        AssertionError e = assertThrows(AssertionError.class, r::assertOk);
        for (String part : List.of("jvp vs central differences FAILED", "x=", "[0.5, -1.25, 2.0]", "seed 42", "worst at:   y[",
                "AD (J v) = " + r.first(), "central difference = " + r.second(), "|difference| " + r.error(), "allowed " + r.allowed()))
            assertTrue(e.getMessage().contains(part), "message should contain '" + part + "':\n" + e.getMessage());
        // A factor 2 on the JVP: the reported pair differ by that factor.
        assertEquals(2.0, r.first() / r.second(), 1e-6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void symmetryAndPsdChecksCatchOperatorsThatLackThem(Backend b) {
        Params like = Params.of("v", b.full(Shape.of(2), DType.FLOAT64, 0));
        UnaryOperator<Params> upperTriangular = v -> {
            double[] a = v.get(0).toDoubleArray();
            return Params.of("v", b.fromArray(new double[]{a[0] + 2 * a[1], a[1]}, Shape.of(2), DType.FLOAT64));
        };
        UnaryOperator<Params> negated = v -> v.scale(-1);
        assertFalse(CHECK.symmetric("upper triangular", upperTriangular, Directions.normal(like, 1), Directions.normal(like, 2)).ok());
        CHECK.symmetric("identity", v -> v, Directions.normal(like, 1), Directions.normal(like, 2)).assertOk();
        CheckResult psd = CHECK.positiveSemiDefinite("-I", negated, like, SEED);
        assertFalse(psd.ok());
        assertTrue(psd.first() < 0 && psd.message().contains("vᵀ G v"), psd.message());
        CHECK.positiveSemiDefinite("I", v -> v, like, SEED).assertOk();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void aWrongTransposeFailsTheAdjointCheck(Backend b) {
        Params v = Directions.normal(point(b), 1), u = Directions.normal(point(b), 2);
        CHECK.adjoint("2I and its transpose", w -> w.scale(2), w -> w.scale(2), u, v).assertOk();
        assertFalse(CHECK.adjoint("2I with a wrong transpose", w -> w.scale(2), w -> w.scale(2.01), u, v).ok());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void nanIsNeverClose(Backend b) {
        CheckResult r = CHECK.jvp(q -> Params.of("y", Ops.log(q.get(0))), point(b), SEED);
        assertFalse(r.ok(), "log of a negative input gives NaN on both sides");
        assertTrue(Double.isNaN(r.error()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void float32InputsAreRefusedWithAClearMessage(Backend b) {
        Params x = Params.of("w", b.full(Shape.of(2), DType.FLOAT32, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CHECK.jvp(q -> q, x, SEED));
        assertTrue(e.getMessage().contains("'w'") && e.getMessage().contains("float32"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void centralDifferencesAreExactOnQuadraticsAndTheStepFollowsTheScale(Backend b) {
        Params x = Params.of("x", b.fromArray(new double[]{3, -4}, Shape.of(2), DType.FLOAT64));
        Params v = Params.of("x", b.fromArray(new double[]{0.5, 2}, Shape.of(2), DType.FLOAT64));
        assertEquals(FiniteDifference.DEFAULT_RELATIVE_STEP * 4 / 2, FiniteDifference.step(x, v, FiniteDifference.DEFAULT_RELATIVE_STEP), 1e-20);
        Params d = FiniteDifference.centralDifference(q -> Params.of("y", Ops.square(q.get(0))), x, v, FiniteDifference.DEFAULT_RELATIVE_STEP);
        double[] expected = {2 * 3 * 0.5, 2 * -4 * 2};
        double[] actual = d.get(0).toDoubleArray();
        for (int i = 0; i < 2; i++) assertEquals(expected[i], actual[i], 1e-8 * Math.abs(expected[i]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void assertAllOkListsEveryFailure(Backend b) {
        List<CheckResult> results = CHECK.scalarFunction(scalar(new FaultySquare(1.01, 1.01, false)), point(b), SEED);
        AssertionError e = assertThrows(AssertionError.class, () -> CheckResult.assertAllOk(results));
        long failed = results.stream().filter(r -> !r.ok()).count();
        assertTrue(failed >= 2 && e.getMessage().startsWith(failed + " of 4 checks failed"), e.getMessage());
    }
}
