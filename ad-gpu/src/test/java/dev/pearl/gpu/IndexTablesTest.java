package dev.pearl.gpu;

import dev.pearl.Ops;
import dev.pearl.ad.AD;
import dev.pearl.cpu.CpuBackend;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.ConvSpec;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Index;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Index tables reach the device once per index object: a convolution's table and its inverse
 * cross on first use and never again, and tables of indices still in use survive when the table
 * array is compacted or grown. Device-resident buffers, results checked against the CPU backend.
 */
class IndexTablesTest {
    private static final Backend CPU = new CpuBackend(1);

    @Test
    void aConvolutionsTablesCrossOnce() {
        OpenClBackend gpu = OpenClTestSupport.discrete();
        SplittableRandom r = new SplittableRandom(1);
        double[] xs = random(r, 2 * 3 * 9 * 9), ws = random(r, 4 * 3 * 3 * 3);
        Tensor x = gpu.fromArray(xs, Shape.of(2, 3, 9, 9), DType.FLOAT32), w = gpu.fromArray(ws, Shape.of(4, 3, 3, 3), DType.FLOAT32);
        ConvSpec spec = new ConvSpec(2, 1, 1, 1, 1, 2);

        TransferStats first = gpu.transfers();
        Tensor g = AD.grad(v -> Ops.sum(Ops.square(Ops.conv2d(x, v, spec))), w);
        TransferStats firstCall = gpu.transfers().minus(first);
        TransferStats second = gpu.transfers();
        Tensor gx = AD.grad(v -> Ops.sum(Ops.square(Ops.conv2d(v, w, spec))), x);
        Tensor again = AD.grad(v -> Ops.sum(Ops.square(Ops.conv2d(x, v, spec))), w);
        TransferStats later = gpu.transfers().minus(second);
        assertTrue(firstCall.uploads() >= 1, "the first convolution uploaded its table: " + firstCall);
        assertEquals(1, later.uploads(), "only the first input gradient's scatter plan crosses: " + later);
        assertEquals(0, later.downloads(), later.toString());

        Tensor xc = CPU.fromArray(xs, Shape.of(2, 3, 9, 9), DType.FLOAT32), wc = CPU.fromArray(ws, Shape.of(4, 3, 3, 3), DType.FLOAT32);
        assertClose(AD.grad(v -> Ops.sum(Ops.square(Ops.conv2d(xc, v, spec))), wc).toDoubleArray(), g.toDoubleArray());
        assertClose(g.toDoubleArray(), again.toDoubleArray());
        assertClose(AD.grad(v -> Ops.sum(Ops.square(Ops.conv2d(v, wc, spec))), xc).toDoubleArray(), gx.toDoubleArray());
    }

    @Test
    void tablesInUseSurviveCompaction() {
        OpenClBackend gpu = OpenClTestSupport.discrete();
        SplittableRandom r = new SplittableRandom(2);
        double[] table = random(r, 50 * 4);
        Tensor onGpu = gpu.fromArray(table, Shape.of(50, 4), DType.FLOAT64), onCpu = CPU.fromArray(table, Shape.of(50, 4), DType.FLOAT64);
        Index kept = ids(r, 7000, 50);
        double[] expected = Ops.gather(onCpu, 0, kept).toDoubleArray();
        double[] expectedSums = Ops.scatterAdd(Ops.gather(onCpu, 0, kept), 0, kept, 50).toDoubleArray();
        assertArrayEquals(expected, Ops.gather(onGpu, 0, kept).toDoubleArray());
        for (int round = 0; round < 30; round++) {
            Index passing = ids(r, 20000 + round, 50); // 600,000 ints in all: the 64 Ki array fills, compacts and grows
            Tensor y = Ops.scatterAdd(Ops.gather(onGpu, 0, passing), 0, passing, 50);
            assertClose(Ops.scatterAdd(Ops.gather(onCpu, 0, passing), 0, passing, 50).toDoubleArray(), y.toDoubleArray());
            if (round % 10 == 9) System.gc();
        }
        assertArrayEquals(expected, Ops.gather(onGpu, 0, kept).toDoubleArray());
        assertClose(expectedSums, Ops.scatterAdd(Ops.gather(onGpu, 0, kept), 0, kept, 50).toDoubleArray());
    }

    private static Index ids(SplittableRandom r, int n, int size) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) v[i] = r.nextInt(-1, size);
        return Index.of(v);
    }

    private static double[] random(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextDouble(-1, 1);
        return v;
    }

    private static void assertClose(double[] expected, double[] actual) {
        double scale = 1;
        for (double e : expected) scale = Math.max(scale, Math.abs(e));
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], 1e-5 * scale, "element " + i);
    }
}
