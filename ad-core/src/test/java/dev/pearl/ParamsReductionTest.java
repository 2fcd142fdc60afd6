package dev.pearl;

import dev.pearl.tensor.Backend;
import dev.pearl.tensor.Backends;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Params' reductions: dot, norm and isFinite over every tensor, in one dtype or mixed. */
class ParamsReductionTest {
    private static final Backend CPU = Backends.cpu(1);

    private static Params of(DType second, double a0, double a1, double b0) {
        return Params.builder()
                .add("a", CPU.fromArray(new double[]{a0, a1}, Shape.of(2), DType.FLOAT64))
                .add("b", CPU.fromArray(new double[]{b0}, Shape.of(1), second)).build();
    }

    @Test
    void dotAddsTheProductsOfEveryTensor() {
        for (DType second : DType.values()) {
            Params p = of(second, 1, 2, 3), q = of(second, 4, 5, 6);
            assertEquals(1 * 4 + 2 * 5 + 3 * 6, p.dot(q), 0, second.toString());
            assertEquals(Math.sqrt(1 + 4 + 9), p.norm(), 1e-15, second.toString());
        }
    }

    @Test
    void isFiniteFindsAnInfinityOrNaNInAnyTensor() {
        for (DType second : DType.values()) {
            assertTrue(of(second, 1, -2, 3e38).isFinite());
            assertFalse(of(second, 1, Double.NaN, 3).isFinite());
            assertFalse(of(second, 1, 2, Double.POSITIVE_INFINITY).isFinite());
            assertFalse(of(second, Double.NEGATIVE_INFINITY, 2, 3).isFinite());
        }
    }

    @Test
    void float32PartsAreAddedInDoubleSoTheTotalMayExceedTheFloatRange() {
        Params p = Params.builder()
                .add("a", CPU.fromArray(new double[]{1.5e19, 0}, Shape.of(2), DType.FLOAT32))
                .add("b", CPU.fromArray(new double[]{1.5e19}, Shape.of(1), DType.FLOAT32)).build();
        // Each tensor's square sum, 2.25e38, is a float; their total, 4.5e38, is not.
        double expected = 2 * (double) (float) (1.5e19f * 1.5e19f);
        assertEquals(expected, p.dot(p), expected * 1e-7);
        assertEquals(Math.sqrt(expected), p.norm(), Math.sqrt(expected) * 1e-7);
        assertTrue(p.isFinite());
    }

    @Test
    void emptyParamsHaveDotZeroAndAreFinite() {
        Params empty = Params.of(java.util.Map.of());
        assertEquals(0, empty.dot(empty));
        assertTrue(empty.isFinite());
    }
}
