package dev.pearl.examples.bench;

import dev.pearl.cpu.CpuBackend;
import dev.pearl.cpu.gemm.Gemm;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Shape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Locale;

/**
 * GFLOP/s of the backend's matmul alone at 1024³ and at the auto-encoder's shapes. On the CPU the
 * kernel is also timed into one reused output array, as BLAS benchmarks (and PyTorch's caching
 * allocator) do: {@code gflops}. {@code gflops_fresh_output} is the backend call, which allocates
 * its result each time; while the JVM is still growing its heap, that includes first-touch page
 * faults on the new memory, which on some machines cost more than the multiply.
 * {@code gflops_per_cpu_s} divides by the CPU time of all threads instead of wall time: on a
 * machine shared with other jobs it tracks the kernel's efficiency, not the wait for a core (on
 * one thread it is the kernel's single-core speed).
 */
@Command(name = "matmul", mixinStandardHelpOptions = true,
        description = "Matmul GFLOP/s at 1024^3 and at the MNIST auto-encoder's shapes (or LeNet's, --shapes lenet); one JSON line per shape.")
public final class MatmulBench extends IsaBench {
    @Mixin
    TargetOptions target = new TargetOptions();

    @Option(names = "--batch", description = "Batch size of the auto-encoder shapes (default ${DEFAULT-VALUE}).")
    int batch = 1000;

    @Option(names = "--reps", description = "Timed repetitions per shape (default ${DEFAULT-VALUE}).")
    int reps = 7;

    @Option(names = "--shapes", paramLabel = "SET", description = "autoencoder (default: 1024³ and the MNIST auto-encoder's products) "
            + "or lenet (the im2col products of LeNet's two convolutions: forward, weight gradient, and conv2's input gradient).")
    String shapeSet = "autoencoder";

    /** m, k, n, transposeA, transposeB, label. */
    private Object[][] shapes() {
        if (shapeSet.equals("lenet")) return lenetShapes();
        if (!shapeSet.equals("autoencoder")) throw new IllegalArgumentException("--shapes must be autoencoder or lenet, got '" + shapeSet + "'");
        return new Object[][]{
                {1024, 1024, 1024, false, false, "square"},
                {batch, 784, 1000, false, false, "forward x·W1"},
                {batch, 1000, 500, false, false, "forward h1·W2"},
                {batch, 1000, 784, false, true, "backward dZ·Wᵀ"},
                {784, batch, 1000, true, false, "weight grad Xᵀ·dZ"},
        };
    }

    /**
     * LeNet's convolutions as `pearl train --model lenet` computes them, cases last: 6 filters of
     * 5 x 5 over 28 x 28 positions (padding 2), then 16 of 6 x 5 x 5 over 10 x 10, per case.
     */
    private Object[][] lenetShapes() {
        int p1 = 28 * 28 * batch, p2 = 10 * 10 * batch;
        return new Object[][]{
                {6, 25, p1, false, false, "conv1 forward W·cols"},
                {6, p1, 25, false, true, "conv1 weight grad dY·colsᵀ"},
                {16, 150, p2, false, false, "conv2 forward W·cols"},
                {16, p2, 150, false, true, "conv2 weight grad dY·colsᵀ"},
                {150, 16, p2, true, false, "conv2 input grad Wᵀ·dY"},
        };
    }

    /** The Vector API kernels are slow until C2 compiles them: warm up by time, not by count. */
    static void warmUp(Runnable op) {
        long until = System.nanoTime() + 2_000_000_000L;
        for (int i = 0; i < 3 || System.nanoTime() < until; i++) op.run();
    }

    @Override
    protected Integer measure() {
        DType dt = target.dtype();
        Backend be = target.backend();
        for (Object[] s : shapes()) {
            int m = (int) s[0], k = (int) s[1], n = (int) s[2];
            boolean ta = (boolean) s[3], tb = (boolean) s[4];
            DenseTensor a = be.randomNormal(ta ? Shape.of(k, m) : Shape.of(m, k), dt, 1);
            DenseTensor b = be.randomNormal(tb ? Shape.of(n, k) : Shape.of(k, n), dt, 2);
            Runnable fresh = () -> be.matmul(a, b, ta, tb);
            // Other backends have no separate kernel call: both figures come from one measurement.
            Runnable kernel = be instanceof CpuBackend ? reusedOutput((CpuBackend) be, a, b, ta, tb, m, n, k) : null;
            warmUp(fresh);
            if (kernel != null) warmUp(kernel);
            Measurement freshTime = new Measurement(), kernelTime = kernel != null ? new Measurement() : freshTime;
            for (int r = 0; r < reps; r++) {
                if (kernel != null) kernelTime.time(kernel);
                freshTime.time(fresh);
            }
            double flop = 2.0 * m * n * k;
            System.out.println(String.format(Locale.ROOT,
                    "{\"op\":\"matmul\",\"shape\":\"%s\",\"m\":%d,\"k\":%d,\"n\":%d,\"transpose_a\":%b,\"transpose_b\":%b,\"dtype\":\"%s\",\"threads\":%d,\"backend\":\"%s\",\"median_s\":%.5f,\"gflops\":%.1f,\"gflops_fresh_output\":%.1f,\"gflops_per_cpu_s\":%.1f%s}",
                    s[5], m, k, n, ta, tb, dt, target.threads, be.name(), kernelTime.median(), flop / kernelTime.median() / 1e9,
                    flop / freshTime.median() / 1e9, flop / kernelTime.medianCpu() / 1e9, KernelField.json()));
        }
        return 0;
    }

    /** The CPU kernel writing into one output array allocated here, for every call. */
    private static Runnable reusedOutput(CpuBackend be, DenseTensor a, DenseTensor b, boolean ta, boolean tb, int m, int n, int k) {
        if (a.dtype() == DType.FLOAT32) {
            float[] x = be.toFloatArray(a), y = be.toFloatArray(b), c = new float[m * n];
            return () -> Gemm.sgemm(ta, tb, m, n, k, x, 0, y, 0, c, 0, be.pool());
        }
        double[] x = be.toDoubleArray(a), y = be.toDoubleArray(b), c = new double[m * n];
        return () -> Gemm.dgemm(ta, tb, m, n, k, x, 0, y, 0, c, 0, be.pool());
    }
}
