package dev.pearl.gpu;

import dev.pearl.cpu.CpuBackend;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Both matmul kernels (strip for CPU devices, tiled for GPUs, each forced here on the test
 * device) with every pair of transpose flags, against the CPU backend: shapes smaller than a
 * block, not multiples of 4, 16 or 64, with an empty inner dimension, and the two packing
 * choices of A·Bᵀ (rows of A fewer or more than rows of B).
 */
class MatmulFormsTest {
    private static final int[][] SHAPES = {{1, 1, 1}, {5, 3, 7}, {67, 130, 65}, {4, 64, 64}, {3, 0, 5}, {130, 17, 9}, {9, 17, 130}};
    private static final Backend CPU = new CpuBackend(1);

    private static double[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextDouble(-1, 1);
        return v;
    }

    @ParameterizedTest
    @EnumSource(value = OpenClOptions.MatmulForm.class, names = {"STRIP", "TILED"})
    void everyTransposeCombinationMatchesTheCpu(OpenClOptions.MatmulForm form) {
        OpenClBackend gpu = OpenClTestSupport.backend(OpenClTestSupport.discreteOptions().withMatmul(form));
        assertEquals(form.name().toLowerCase(), gpu.matmulKernel());
        for (DType d : DType.values())
            for (int[] s : SHAPES)
                for (boolean ta : new boolean[]{false, true})
                    for (boolean tb : new boolean[]{false, true}) {
                        int m = s[0], k = s[1], n = s[2];
                        Shape sa = ta ? Shape.of(k, m) : Shape.of(m, k), sb = tb ? Shape.of(n, k) : Shape.of(k, n);
                        double[] a = random(sa.size(), m * 31L + k), b = random(sb.size(), n * 17L + k);
                        double[] expected = CPU.toDoubleArray(CPU.matmul(CPU.fromArray(a, sa, d), CPU.fromArray(b, sb, d), ta, tb));
                        DenseTensor c = gpu.matmul(gpu.fromArray(a, sa, d), gpu.fromArray(b, sb, d), ta, tb);
                        assertEquals(Shape.of(m, n), c.shape());
                        double[] actual = gpu.toDoubleArray(c);
                        double tol = (d == DType.FLOAT32 ? 1e-5 : 1e-13) * Math.max(1, k);
                        for (int i = 0; i < expected.length; i++)
                            assertEquals(expected[i], actual[i], tol, form + " " + d + " " + m + "x" + k + "x" + n + " ta=" + ta + " tb=" + tb + " element " + i);
                    }
    }
}
