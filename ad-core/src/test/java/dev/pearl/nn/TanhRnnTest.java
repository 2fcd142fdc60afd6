package dev.pearl.nn;

import dev.pearl.Params;
import dev.pearl.check.CheckResult;
import dev.pearl.check.Checker;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.Backends;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tanh RNN through time: its states against a direct loop, its derivatives against finite differences. */
class TanhRnnTest {
    private static final Backend CPU = Backends.cpu(1);
    private static final TanhRnn NET = new TanhRnn(2, 4, 1);
    private static final Loss LOSS = Losses.squaredError();

    private static Tensor inputs(int steps, int cases, long seed) {
        return CPU.randomNormal(Shape.of(steps, cases, 2), DType.FLOAT64, seed);
    }

    /** Nonzero biases so every parameter matters. */
    private static Params theta(long seed) {
        Params p = NET.init(CPU, DType.FLOAT64, seed);
        return p.map(t -> t.rank() == 1 ? CPU.randomNormal(t.shape(), DType.FLOAT64, seed + t.size()) : t);
    }

    @Test
    void hiddenStatesFollowTheRecurrenceComputedDirectly() {
        Params p = theta(3);
        Tensor x = inputs(5, 3, 4);
        List<Tensor> states = NET.hiddenStates(p, x);
        double[] wxh = p.get("Wxh").toDoubleArray(), whh = p.get("Whh").toDoubleArray(), bh = p.get("bh").toDoubleArray();
        double[] xs = x.toDoubleArray();
        double[][] h = new double[3][4];
        for (int t = 0; t < 5; t++) {
            double[][] next = new double[3][4];
            for (int c = 0; c < 3; c++)
                for (int j = 0; j < 4; j++) {
                    double a = bh[j];
                    for (int i = 0; i < 2; i++) a += xs[(t * 3 + c) * 2 + i] * wxh[i * 4 + j];
                    for (int i = 0; i < 4; i++) a += h[c][i] * whh[i * 4 + j];
                    next[c][j] = Math.tanh(a);
                }
            h = next;
            double[] got = states.get(t).toDoubleArray();
            for (int c = 0; c < 3; c++)
                for (int j = 0; j < 4; j++)
                    assertEquals(h[c][j], got[c * 4 + j], 1e-14, "step " + (t + 1) + ", case " + c + ", unit " + j);
        }
    }

    @Property(tries = 15)
    void gradientThroughTimeMatchesFiniteDifferences(@ForAll @IntRange(min = 1, max = 12) int steps, @ForAll long seed) {
        Tensor x = inputs(steps, 3, seed);
        Tensor y = CPU.randomNormal(Shape.of(3, 1), DType.FLOAT64, seed + 1);
        Function<Params, Tensor> objective = q -> LOSS.value(NET.lastOutput(q, x), y);
        Params p = theta(seed);
        CheckResult.assertAllOk(Checker.defaults().scalarFunction(objective, p, seed));
    }

    @Property(tries = 10)
    void gaussNewtonThroughTimeIsSymmetricAndPositiveSemiDefinite(@ForAll @IntRange(min = 1, max = 10) int steps, @ForAll long seed) {
        Tensor x = inputs(steps, 3, seed);
        Tensor y = CPU.randomNormal(Shape.of(3, 1), DType.FLOAT64, seed + 1);
        Params p = theta(seed);
        GaussNewton gn = GaussNewton.at(q -> NET.lastOutput(q, x), LOSS, p, y);
        Checker check = Checker.defaults();
        Params u = p.map(t -> CPU.randomNormal(t.shape(), DType.FLOAT64, seed + 11 + t.size()));
        Params v = p.map(t -> CPU.randomNormal(t.shape(), DType.FLOAT64, seed + 17 + t.size()));
        check.symmetric("G through time", gn::apply, u, v).assertOk();
        check.positiveSemiDefinite("G through time", gn::apply, p, seed).assertOk();
    }

    @Test
    void inputsOfTheWrongShapeAreNamed() {
        Params p = theta(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NET.hiddenStates(p, CPU.randomNormal(Shape.of(4, 3), DType.FLOAT64, 1)));
        assertTrue(e.getMessage().contains("[4,3]") && e.getMessage().contains("steps"), e.getMessage());
    }
}
