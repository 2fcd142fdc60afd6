package dev.pearl.ad;

import dev.pearl.Ops;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The classic nesting bug (Siskind & Pearlmutter): d/dx [x · d/dy (x·y) at y=1] at x=4. The inner
 * derivative is x, so the function is x², whose derivative at 4 is 8. Confusing the two
 * perturbations gives 12 (x·y's derivative taken in x too) or 4 (the inner x treated as constant).
 */
class PerturbationConfusionTest {

    private static Tensor scalar(Backend b, double v) {
        return b.full(Shape.SCALAR, DType.FLOAT64, v);
    }

    /** d/dy (x·y) at y = 1, with the given derivative transform of a scalar function. */
    private static Tensor innerDerivative(Tensor x, Backend b, boolean forwardMode) {
        Function<Tensor, Tensor> xy = y -> Ops.mul(x, y);
        Tensor one = scalar(b, 1);
        return forwardMode ? AD.jvp(xy, one, scalar(b, 1)).tangent() : AD.grad(xy, one);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void reverseOverReverseGivesEight(Backend b) {
        assertEquals(8.0, AD.grad(x -> Ops.mul(x, innerDerivative(x, b, false)), scalar(b, 4)).item(), 1e-12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void forwardOverForwardGivesEight(Backend b) {
        Tensor d = AD.jvp(x -> Ops.mul(x, innerDerivative(x, b, true)), scalar(b, 4), scalar(b, 1)).tangent();
        assertEquals(8.0, d.item(), 1e-12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void mixedNestingsGiveEight(Backend b) {
        assertEquals(8.0, AD.grad(x -> Ops.mul(x, innerDerivative(x, b, true)), scalar(b, 4)).item(), 1e-12, "reverse over forward");
        assertEquals(8.0, AD.jvp(x -> Ops.mul(x, innerDerivative(x, b, false)), scalar(b, 4), scalar(b, 1)).tangent().item(), 1e-12, "forward over reverse");
    }
}
