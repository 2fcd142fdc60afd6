package dev.pearl.examples.bench;

import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Cost of the operations HF is made of, on the MNIST deep auto-encoder of Hinton and
 * Salakhutdinov (784-1000-500-250-30-250-500-1000-784, logistic units, linear code layer,
 * logistic outputs with cross-entropy summed over pixels and averaged over cases). Same network,
 * loss and JSON fields as the PyTorch peer in shared/peers.
 */
@Command(name = "ops", mixinStandardHelpOptions = true,
        description = "Time forward, grad, linearize, gnvp and hvp on the MNIST deep auto-encoder; one JSON line per op.")
public final class OpsBench extends IsaBench {
    @Mixin
    NetworkOptions network = new NetworkOptions();

    @Option(names = "--batch", description = "Cases per batch (default ${DEFAULT-VALUE}).")
    int batch = 1000;

    @Option(names = "--backend", description = "cpu, opencl or opencl:<device index or name> (default ${DEFAULT-VALUE}).")
    String backend = "cpu";

    @Option(names = "--reps", description = "Timed repetitions per op (default ${DEFAULT-VALUE}).")
    int reps = 7;

    @Option(names = "--warmup", description = "Untimed repetitions per op first (default ${DEFAULT-VALUE}).")
    int warmup = 3;

    @Override
    protected Integer measure() {
        if (batch < 1 || reps < 1 || warmup < 0 || network.threads < 1)
            throw new IllegalArgumentException("--batch, --reps and --threads must be >= 1 and --warmup >= 0");
        DType dt = network.dtype();
        Backend be = BackendOption.create(backend, network.threads);
        AutoencoderOps ops = new AutoencoderOps(be, dt, batch, network.sizes);

        Map<String, Measurement> results = new LinkedHashMap<>();
        AutoencoderOps.NAMES.forEach(k -> results.put(k, new Measurement()));
        ops.linearization(); // made before timing, as HF makes it once per CG solve
        for (int i = 0; i < warmup; i++) AutoencoderOps.NAMES.forEach(ops::run);
        // Reps interleave the ops so that slow drifts of a shared machine hit all of them alike.
        for (int r = 0; r < reps; r++) results.forEach((name, m) -> m.time(() -> ops.run(name)));
        results.forEach((name, m) -> m.measurePeakHeap(() -> ops.run(name)));
        results.forEach((name, m) -> System.out.println(String.format(Locale.ROOT,
                "{\"op\":\"%s\",\"batch\":%d,\"dtype\":\"%s\",\"threads\":%d,\"backend\":\"%s\",\"median_s\":%.5f,\"min_s\":%.5f,\"peak_heap_mb\":%.0f,\"reps\":%d%s}",
                name, batch, dt, network.threads, be.name(), m.median(), m.min(), m.peakHeapMb(), reps, KernelField.json())));
        return 0;
    }
}
