package dev.pearl.gpu;

import dev.pearl.backend.BinaryOp;
import dev.pearl.backend.ElementFunction;
import dev.pearl.backend.ReduceOp;
import dev.pearl.cpu.CpuBackend;
import dev.pearl.prim.UnaryOp;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Backend method on OpenCL against the CPU backend on the same inputs, in both dtypes, with
 * shapes that exercise broadcasting in every position, odd sizes, reductions that split, and
 * inputs large enough for several chunks.
 */
class DeviceOpsTest {
    private static final Backend CPU = new CpuBackend(1);

    private static double tol(DType d) {
        return d == DType.FLOAT32 ? 2e-5 : 1e-12;
    }

    private static double[] random(int n, long seed, double lo, double hi) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = lo + (hi - lo) * r.nextDouble();
        return v;
    }

    /**
     * Runs {@code op} on the CPU and on OpenCL with the same inputs and compares, on OpenCL with
     * device-resident buffers and with the device's default (host-pointer buffers on a CPU device).
     */
    private static void agree(String what, DType dtype, Function<Backend, DenseTensor> op) {
        agree(what, dtype, op, OpenClTestSupport.discrete());
        agree(what + " (default buffers)", dtype, op, OpenClTestSupport.backend(OpenClOptions.defaults()));
    }

    private static void agree(String what, DType dtype, Function<Backend, DenseTensor> op, OpenClBackend gpu) {
        DenseTensor expected = op.apply(CPU), actual = op.apply(gpu);
        assertEquals(expected.shape(), actual.shape(), what + " shape");
        assertEquals(dtype, actual.dtype(), what + " dtype");
        double[] e = expected.toDoubleArray(), a = actual.toDoubleArray();
        double scale = 1;
        for (double v : e) if (Double.isFinite(v)) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < e.length; i++) {
            boolean same = Double.compare(e[i], a[i]) == 0 || Math.abs(e[i] - a[i]) <= tol(dtype) * scale;
            assertTrue(same, what + " " + dtype + ": element " + i + " is " + a[i] + ", cpu gives " + e[i]);
        }
    }

    private static DenseTensor t(Backend b, DType d, double[] v, int... dims) {
        return b.fromArray(v, Shape.of(dims), d);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void unaryOps(DType d) {
        double[] x = random(257, 1, -3, 3), pos = random(257, 2, 0.01, 4), unit = random(257, 3, 0.01, 0.99);
        for (UnaryOp op : UnaryOp.values()) {
            double[] in = op == UnaryOp.LOG || op == UnaryOp.SQRT || op == UnaryOp.POW ? pos
                    : op == UnaryOp.LOGISTIC_SLOPE || op == UnaryOp.LOG1P ? unit : x;
            for (double p : op == UnaryOp.POW ? new double[]{2, 1, 0.5, -1, 1.7} : new double[]{0.75})
                agree(op + "(" + p + ")", d, b -> b.unary(op, p, t(b, d, in, 257)));
        }
    }

    /** A function the device program has no code for is refused, naming it, before anything runs (never computed on the host instead). */
    @ParameterizedTest
    @EnumSource(DType.class)
    void aFunctionWithoutADeviceKernelIsRefusedByName(DType d) {
        ElementFunction hostOnly = new ElementFunction() {
            @Override
            public String name() {
                return "HOST_ONLY";
            }

            @Override
            public double apply(double x, double p) {
                return x;
            }
        };
        OpenClBackend gpu = OpenClTestSupport.discrete();
        DenseTensor x = t(gpu, d, random(5, 9, -1, 1), 5);
        TransferStats before = gpu.transfers();
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> gpu.unary(hostOnly, 0, x));
        assertEquals("opencl: unary function HOST_ONLY has no device kernel", e.getMessage());
        assertEquals(0, gpu.transfers().minus(before).launches(), "launches for a refused function");
        assertEquals(0, gpu.transfers().minus(before).copies(), "copies for a refused function");
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void binaryOpsBroadcastInEveryPosition(DType d) {
        int[][][] shapes = {
                {{7, 5}, {7, 5}}, {{7, 5}, {5}}, {{7, 1}, {1, 5}}, {{3, 1, 4}, {2, 1}}, {{2, 3, 4, 5}, {3, 1, 5}}, {{1}, {6, 1, 3}}, {{}, {4, 3}}};
        for (int[][] s : shapes) {
            Shape sa = Shape.of(s[0]), sb = Shape.of(s[1]), out = Shape.broadcast("test", sa, sb);
            double[] a = random(sa.size(), 4, -2, 2), bv = random(sb.size(), 5, 0.5, 2);
            for (BinaryOp op : BinaryOp.values())
                agree(op + " " + sa + " " + sb, d, b -> b.binary(op, b.fromArray(a, sa, d), b.fromArray(bv, sb, d), out));
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void whereBroadcasts(DType d) {
        Shape out = Shape.of(4, 3, 5);
        double[] mask = new double[15];
        for (int i = 0; i < 15; i++) mask[i] = i % 3 == 0 ? 0 : 1;
        agree("where", d, b -> b.where(b.fromArray(mask, Shape.of(3, 5), d), b.fromArray(random(60, 6, -1, 1), out, d),
                b.fromArray(random(5, 7, -1, 1), Shape.of(5), d), out));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void reductionsOverEveryAxisSet(DType d) {
        int[][] shapes = {{37}, {5, 300}, {300, 5}, {3, 4, 5}, {2, 3, 4, 5}, {1, 2000, 3}, {4000}};
        for (int[] dims : shapes) {
            Shape s = Shape.of(dims);
            double[] x = random(s.size(), 8, -2, 2);
            for (int m = 1; m < 1 << dims.length; m++) {
                int mask = m;
                int[] axes = java.util.stream.IntStream.range(0, dims.length).filter(i -> (mask & 1 << i) != 0).toArray();
                for (ReduceOp op : ReduceOp.values())
                    agree(op + " " + s + " axes " + java.util.Arrays.toString(axes), d, b -> b.reduce(op, b.fromArray(x, s, d), axes));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void copies(DType d) {
        Shape s = Shape.of(3, 4, 5, 2);
        double[] x = random(s.size(), 9, -1, 1);
        agree("transpose", d, b -> b.transpose(b.fromArray(x, s, d), new int[]{2, 0, 3, 1}));
        agree("broadcastTo", d, b -> b.broadcastTo(b.fromArray(random(5, 10, -1, 1), Shape.of(5, 1), d), Shape.of(2, 5, 7)));
        agree("slice", d, b -> b.slice(b.fromArray(x, s, d), 2, 1, 4));
        agree("concat", d, b -> b.concat(List.of(b.fromArray(x, s, d), b.slice(b.fromArray(x, s, d), 1, 0, 2)), 1, Shape.of(3, 6, 5, 2)));
        agree("full", d, b -> b.full(Shape.of(3, 7), d, 2.5));
        agree("randomNormal", d, b -> b.randomNormal(Shape.of(100), d, 42));
        agree("randomUniform", d, b -> b.randomUniform(Shape.of(100), d, 42, -1, 3));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void castsBothWays(DType d) {
        DType other = d == DType.FLOAT32 ? DType.FLOAT64 : DType.FLOAT32;
        double[] x = random(50, 11, -1e3, 1e3);
        agree("cast", other, b -> b.cast(b.fromArray(x, Shape.of(5, 10), d), other));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void largeTensorsCrossInChunks(DType d) {
        int n = Staging.LARGE * 2 + 12345;
        double[] x = random(n, 12, -1, 1);
        OpenClBackend gpu = OpenClTestSupport.discrete();
        double[] back = gpu.toDoubleArray(gpu.fromArray(x, Shape.of(n), d));
        double[] expected = CPU.toDoubleArray(CPU.fromArray(x, Shape.of(n), d));
        assertArrayEquals(expected, back);
    }
}
