package dev.pearl.ad;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** grad of a non-scalar, unused inputs, NaN propagation and escaped tracers. */
class TransformEdgeCasesTest {

    private static Tensor vec(Backend b, double... v) {
        return b.fromArray(v, Shape.of(v.length), DType.FLOAT64);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void gradOfANonScalarFunctionIsAnErrorNamingTheShape(Backend b) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AD.grad(Ops::exp, vec(b, 1, 2, 3)));
        assertTrue(e.getMessage().contains("grad") && e.getMessage().contains("[3]"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void unusedInputsGetZeroDerivativesOfTheirShape(Backend b) {
        Params p = Params.builder().add("used", vec(b, 1, 2)).add("unused", b.full(Shape.of(2, 3), DType.FLOAT64, 5)).build();
        Params g = AD.grad(q -> Ops.sum(Ops.square(q.get("used"))), p);
        assertArrayEquals(new double[]{2, 4}, g.get("used").toDoubleArray(), 1e-15);
        assertEquals(Shape.of(2, 3), g.get("unused").shape());
        assertArrayEquals(new double[6], g.get("unused").toDoubleArray());

        Params hv = AD.hvp(q -> Ops.sum(Ops.square(q.get("used"))), p, p);
        assertArrayEquals(new double[6], hv.get("unused").toDoubleArray());
        assertArrayEquals(new double[2], AD.grad(x -> b.full(Shape.SCALAR, DType.FLOAT64, 3), vec(b, 1, 2)).toDoubleArray());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void nanPropagatesThroughValuesAndDerivatives(Backend b) {
        Tensor x = vec(b, -1, 4);
        assertTrue(Double.isNaN(Ops.log(x).toDoubleArray()[0]), "log(-1)");
        assertTrue(Double.isNaN(Ops.sum(Ops.sqrt(x)).item()), "sum of sqrt(-1) and 2");
        assertTrue(Double.isNaN(AD.grad(t -> Ops.sum(Ops.sqrt(t)), x).toDoubleArray()[0]), "grad of sqrt at -1");

        Tensor withNaN = vec(b, Double.NaN, 1);
        assertTrue(Double.isNaN(Ops.relu(withNaN).toDoubleArray()[0]), "relu(NaN)");
        assertTrue(Double.isNaN(Ops.max(withNaN, false, 0).item()), "max with a NaN");
        assertTrue(Double.isNaN(AD.grad(t -> Ops.sum(Ops.relu(t)), withNaN).toDoubleArray()[0]), "relu'(NaN)");
        assertTrue(Double.isNaN(AD.jvp(Ops::tanh, withNaN, vec(b, 1, 1)).tangent().toDoubleArray()[0]), "tanh tangent at NaN");
        assertEquals(1.0, AD.grad(t -> Ops.sum(Ops.relu(t)), withNaN).toDoubleArray()[1], "the non-NaN element is unaffected");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void tiedMaximaShareTheDerivativeEqually(Backend b) {
        for (DType d : DType.values()) {
            // rows [2, 5, 5] and [7, 1, 7]: ties of two in each; the max over axis 1
            Tensor x = b.fromArray(new double[]{2, 5, 5, 7, 1, 7}, Shape.of(2, 3), d);
            Tensor g = AD.grad(t -> Ops.sum(Ops.mul(Ops.max(t, false, 1), b.fromArray(new double[]{1, 4}, Shape.of(2), d))), x);
            assertArrayEquals(new double[]{0, 0.5, 0.5, 2, 0, 2}, g.toDoubleArray(), 0, d + ": gradient");
            Tensor v = b.fromArray(new double[]{9, 1, 3, 6, 9, -2}, Shape.of(2, 3), d);
            assertArrayEquals(new double[]{2, 2}, AD.jvp(t -> Ops.max(t, false, 1), x, v).tangent().toDoubleArray(), 0, d + ": tangent, the tied mean");
            assertArrayEquals(new double[]{2, 2}, AD.linearize(t -> Ops.max(t, true, 1), x).jvp(v).toDoubleArray(), 0, d + ": linearized, keepDims");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void aTracerUsedAfterItsTransformIsAnError(Backend b) {
        Tensor[] escaped = new Tensor[1];
        AD.grad(t -> {
            escaped[0] = Ops.mul(t, 2);
            return Ops.sum(escaped[0]);
        }, vec(b, 1, 2));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AD.grad(t -> Ops.sum(Ops.mul(t, escaped[0])), vec(b, 1, 2)));
        assertTrue(e.getMessage().contains("tracer"), e.getMessage());
    }
}
