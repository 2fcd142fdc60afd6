package dev.pearl.examples.bench;

import dev.pearl.DType;
import dev.pearl.DenseTensor;
import dev.pearl.Shape;
import dev.pearl.backend.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;

/** GFLOP/s of the backend's matmul alone at 1024³ and at the auto-encoder's shapes. */
@Command(name = "matmul", mixinStandardHelpOptions = true,
        description = "Matmul GFLOP/s at 1024^3 and at the MNIST auto-encoder's shapes; one JSON line per shape.")
public final class MatmulBench implements Runnable {
    @Option(names = "--dtype", description = "float32 or float64 (default ${DEFAULT-VALUE}).")
    String dtype = "float32";

    @Option(names = "--threads", description = "CPU threads (default: all processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--backend", description = "cpu, opencl or opencl:<device index or name> (default ${DEFAULT-VALUE}).")
    String backend = "cpu";

    @Option(names = "--batch", description = "Batch size of the auto-encoder shapes (default ${DEFAULT-VALUE}).")
    int batch = 1000;

    @Option(names = "--reps", description = "Timed repetitions per shape (default ${DEFAULT-VALUE}).")
    int reps = 7;

    /** m, k, n, transposeA, transposeB, label. */
    private Object[][] shapes() {
        return new Object[][]{
                {1024, 1024, 1024, false, false, "square"},
                {batch, 784, 1000, false, false, "forward x·W1"},
                {batch, 1000, 500, false, false, "forward h1·W2"},
                {batch, 1000, 784, false, true, "backward dZ·Wᵀ"},
                {784, batch, 1000, true, false, "weight grad Xᵀ·dZ"},
        };
    }

    /** The Vector API kernels are slow until C2 compiles them: warm up by time, not by count. */
    static void warmUp(Runnable op) {
        long until = System.nanoTime() + 2_000_000_000L;
        for (int i = 0; i < 3 || System.nanoTime() < until; i++) op.run();
    }

    @Override
    public void run() {
        DType dt = DType.parse(dtype);
        Backend be = BackendOption.create(backend, threads);
        for (Object[] s : shapes()) {
            int m = (int) s[0], k = (int) s[1], n = (int) s[2];
            boolean ta = (boolean) s[3], tb = (boolean) s[4];
            DenseTensor a = be.randomNormal(ta ? Shape.of(k, m) : Shape.of(m, k), dt, 1);
            DenseTensor b = be.randomNormal(tb ? Shape.of(n, k) : Shape.of(k, n), dt, 2);
            warmUp(() -> be.matmul(a, b, ta, tb));
            Measurement meas = new Measurement();
            for (int r = 0; r < reps; r++) meas.time(() -> be.matmul(a, b, ta, tb));
            double gflops = 2.0 * m * n * k / meas.median() / 1e9;
            System.out.println(String.format(Locale.ROOT,
                    "{\"op\":\"matmul\",\"shape\":\"%s\",\"m\":%d,\"k\":%d,\"n\":%d,\"transpose_a\":%b,\"transpose_b\":%b,\"dtype\":\"%s\",\"threads\":%d,\"backend\":\"%s\",\"median_s\":%.5f,\"gflops\":%.1f}",
                    s[5], m, k, n, ta, tb, dt, threads, be.name(), meas.median(), gflops));
        }
    }
}
