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

    @Test
    void sparseInitGivesEveryUnitFifteenIncomingWeightsAndQuartersTheInputs() {
        TanhRnn net = new TanhRnn(2, 100, 8);
        Params p = net.sparseInit(CPU, DType.FLOAT64, 5);
        double sd = 1 / Math.sqrt(15);
        assertSparseColumns(p.get("Whh"), 100, 100, 15, sd);
        assertSparseColumns(p.get("Why"), 100, 8, 15, sd);
        assertSparseColumns(p.get("Wxh"), 2, 100, 2, 0.25 * sd);
        for (String bias : List.of("bh", "by"))
            for (double b : p.get(bias).toDoubleArray()) assertEquals(0, b, bias + " starts at zero");
        // Circular law: 15 weights of variance 1/15 per column give spectral radius about 1.
        double radius = growthRate(p.get("Whh").toDoubleArray(), 100);
        assertTrue(radius > 0.7 && radius < 1.3, "spectral radius of Whh near 1: " + radius);
    }

    @Test
    void sparseInitIsTheUnscaledSparseDrawScaled() {
        double scale = 0.25 / Math.sqrt(15);
        double[] scaled = Init.sparse(15, scale).weights(CPU, DType.FLOAT64, 40, 30, 9).toDoubleArray();
        double[] plain = Init.sparse(15).weights(CPU, DType.FLOAT64, 40, 30, 9).toDoubleArray();
        for (int i = 0; i < plain.length; i++) assertEquals(plain[i] * scale, scaled[i], 1e-15 * Math.abs(plain[i]), "weight " + i);
        assertThrows(IllegalArgumentException.class, () -> Init.sparse(0, 1));
        assertThrows(IllegalArgumentException.class, () -> Init.sparse(15, 0));
    }

    /** Each of the [rows, columns] matrix's columns has {@code nonzero} nonzero entries, whose standard deviation is near {@code sd}. */
    private static void assertSparseColumns(Tensor w, int rows, int columns, int nonzero, double sd) {
        assertEquals(Shape.of(rows, columns), w.shape());
        double[] v = w.toDoubleArray();
        double sumSquares = 0;
        for (int j = 0; j < columns; j++) {
            int count = 0;
            for (int i = 0; i < rows; i++) {
                double x = v[i * columns + j];
                if (x != 0) count++;
                sumSquares += x * x;
            }
            assertEquals(nonzero, count, "nonzero weights into unit " + j);
        }
        // n = columns · nonzero draws: the sample deviation lies within 4/√(2n) of sd except with negligible probability.
        double n = (double) columns * nonzero, sample = Math.sqrt(sumSquares / n);
        assertEquals(sd, sample, 4 * sd / Math.sqrt(2 * n), "deviation of the nonzero weights");
    }

    /** (‖vW^200‖ / ‖vW^100‖)^(1/100) for a start v of ones: the spectral radius of the n x n matrix w. */
    private static double growthRate(double[] w, int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1);
        double logNorm100 = 0, logNorm = 0;
        for (int k = 1; k <= 200; k++) {
            double[] next = new double[n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) next[j] += v[i] * w[i * n + j];
            double norm = 0;
            for (double x : next) norm += x * x;
            norm = Math.sqrt(norm);
            for (int j = 0; j < n; j++) v[j] = next[j] / norm;
            logNorm += Math.log(norm);
            if (k == 100) logNorm100 = logNorm;
        }
        return Math.exp((logNorm - logNorm100) / 100);
    }
}
