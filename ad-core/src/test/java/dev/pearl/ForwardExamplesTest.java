package dev.pearl;

import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Forward values worked out by hand: anchors for the plain-Java reference used by the op
 * properties, and the dtype behaviour of cast.
 */
class ForwardExamplesTest {

    private static Tensor t(Backend b, DType d, double[] v, int... shape) {
        return b.fromArray(v, Shape.of(shape), d);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void broadcastingAddsAColumnToARow(Backend b) {
        for (DType d : DType.values()) {
            Tensor col = t(b, d, new double[]{10, 20}, 2, 1), row = t(b, d, new double[]{1, 2, 3}, 3);
            Tensor sum = Ops.add(col, row);
            assertEquals(Shape.of(2, 3), sum.shape());
            assertEquals(d, sum.dtype());
            assertArrayEquals(new double[]{11, 12, 13, 21, 22, 23}, sum.toDoubleArray(), 0, d.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void reductionsOverAxesWithAndWithoutKeepDims(Backend b) {
        Tensor x = t(b, DType.FLOAT64, new double[]{1, 2, 3, 4, 5, 6}, 2, 3);
        assertArrayEquals(new double[]{5, 7, 9}, Ops.sum(x, 0).toDoubleArray());
        assertEquals(Shape.of(2, 1), Ops.sum(x, true, 1).shape());
        assertArrayEquals(new double[]{6, 15}, Ops.sum(x, true, 1).toDoubleArray());
        assertArrayEquals(new double[]{2, 5}, Ops.mean(x, 1).toDoubleArray());
        assertArrayEquals(new double[]{3, 6}, Ops.max(x, false, -1).toDoubleArray());
        assertEquals(21, Ops.sum(x).item());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void aMaxIsNaNWhereAnInputIs(Backend b) {
        // The sign of a zero maximum, max(-0, +0), is left to the backend (OpenCL's fmax may return either).
        for (DType d : DType.values()) {
            Tensor x = t(b, d, new double[]{1, Double.NaN, -4, 3, 2, -5}, 2, 3);
            assertArrayEquals(new double[]{3, Double.NaN, -4}, Ops.max(x, false, 0).toDoubleArray(), 0, d.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void matmulWithEachTransposeFlag(Backend b) {
        Tensor a = t(b, DType.FLOAT64, new double[]{1, 2, 3, 4}, 2, 2), c = t(b, DType.FLOAT64, new double[]{5, 6, 7, 8}, 2, 2);
        assertArrayEquals(new double[]{19, 22, 43, 50}, Ops.matmul(a, c).toDoubleArray());
        assertArrayEquals(new double[]{26, 30, 38, 44}, Ops.matmul(a, c, true, false).toDoubleArray());
        assertArrayEquals(new double[]{17, 23, 39, 53}, Ops.matmul(a, c, false, true).toDoubleArray());
        assertArrayEquals(new double[]{23, 31, 34, 46}, Ops.matmul(a, c, true, true).toDoubleArray());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void softmaxOfZeroAndLogThree(Backend b) {
        Tensor x = t(b, DType.FLOAT64, new double[]{0, Math.log(3)}, 2);
        assertArrayEquals(new double[]{0.25, 0.75}, Ops.softmax(x, 0).toDoubleArray(), 1e-15);
        assertEquals(Math.log(4), Ops.logSumExp(x, 0, false).item(), 1e-15);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void castRoundsToFloatAndWidensExactly(Backend b) {
        double third = 1.0 / 3;
        Tensor narrow = Ops.cast(t(b, DType.FLOAT64, new double[]{third}, 1), DType.FLOAT32);
        assertEquals(DType.FLOAT32, narrow.dtype());
        assertEquals((float) third, narrow.toDoubleArray()[0]);
        Tensor wide = Ops.cast(narrow, DType.FLOAT64);
        assertEquals(DType.FLOAT64, wide.dtype());
        assertEquals((double) (float) third, wide.toDoubleArray()[0]);
    }
}
