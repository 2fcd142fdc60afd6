package dev.pearl.gpu;

import dev.pearl.Params;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reductions CG and HF call on every step (dot, norm, isFinite) run on the device and read a
 * single scalar, however many tensors the parameters hold.
 */
class ParamsReductionResidencyTest {

    private static Params params(OpenClBackend gpu, double scale, double poison) {
        double[] w = new double[300], b = new double[20], v = new double[7];
        for (int i = 0; i < w.length; i++) w[i] = scale * ((i % 13) - 6) / 7.0;
        for (int i = 0; i < b.length; i++) b[i] = scale * (i - 10) / 3.0;
        for (int i = 0; i < v.length; i++) v[i] = scale * i;
        v[3] = poison;
        return Params.builder()
                .add("w", gpu.fromArray(w, Shape.of(15, 20), DType.FLOAT32))
                .add("b", gpu.fromArray(b, Shape.of(20), DType.FLOAT32))
                .add("v", gpu.fromArray(v, Shape.of(7), DType.FLOAT32)).build();
    }

    @Test
    void dotNormAndIsFiniteReadOneScalarEach() {
        OpenClBackend gpu = OpenClTestSupport.discrete();
        Params p = params(gpu, 1, 3), q = params(gpu, 0.5, 1.5);

        TransferStats before = gpu.transfers();
        double dot = p.dot(q);
        double norm = p.norm();
        boolean finite = p.isFinite();
        TransferStats used = gpu.transfers().minus(before);
        assertEquals(3, used.downloads(), "one scalar per reduction: " + used);
        assertEquals(0, used.uploads(), used.toString());

        double[] all = concat(p), half = concat(q);
        double expectedDot = 0, expectedSquares = 0;
        for (int i = 0; i < all.length; i++) {
            expectedDot += all[i] * half[i];
            expectedSquares += all[i] * all[i];
        }
        // float32 products and sums over 327 terms of size <= 10: relative error well under 1e-5.
        assertEquals(expectedDot, dot, 1e-5 * Math.abs(expectedDot));
        assertEquals(Math.sqrt(expectedSquares), norm, 1e-5 * Math.sqrt(expectedSquares));
        assertTrue(finite);
    }

    @Test
    void anInfinityOrNaNInAnyTensorIsFound() {
        OpenClBackend gpu = OpenClTestSupport.discrete();
        assertFalse(params(gpu, 1, Double.POSITIVE_INFINITY).isFinite());
        assertFalse(params(gpu, 1, Double.NEGATIVE_INFINITY).isFinite());
        assertFalse(params(gpu, 1, Double.NaN).isFinite());
        assertTrue(params(gpu, 1, 3.4e38).isFinite(), "the largest floats are finite");
    }

    private static double[] concat(Params p) {
        int n = (int) p.numel(), at = 0;
        double[] out = new double[n];
        for (int i = 0; i < p.size(); i++) {
            double[] part = p.get(i).toDoubleArray();
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
