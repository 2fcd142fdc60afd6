package dev.pearl.examples.bench;

import dev.pearl.DType;
import dev.pearl.Params;
import dev.pearl.Shape;
import dev.pearl.Tensor;
import dev.pearl.ad.AD;
import dev.pearl.backend.Backend;
import dev.pearl.nn.GaussNewton;
import dev.pearl.nn.Init;
import dev.pearl.nn.Loss;
import dev.pearl.nn.Losses;
import dev.pearl.nn.Mlp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Cost of the operations HF is made of, on the MNIST deep auto-encoder of Hinton and
 * Salakhutdinov (784-1000-500-250-30-250-500-1000-784, logistic units, linear code layer,
 * logistic outputs with cross-entropy summed over pixels and averaged over cases). Same network,
 * loss and JSON fields as the PyTorch peer in shared/peers.
 */
@Command(name = "ops", mixinStandardHelpOptions = true,
        description = "Time forward, grad, linearize, gnvp and hvp on the MNIST deep auto-encoder; one JSON line per op.")
public final class OpsBench implements Runnable {
    static final int[] SIZES = {784, 1000, 500, 250, 30, 250, 500, 1000, 784};

    @Option(names = "--batch", description = "Cases per batch (default ${DEFAULT-VALUE}).")
    int batch = 1000;

    @Option(names = "--dtype", description = "float32 or float64 (default ${DEFAULT-VALUE}).")
    String dtype = "float32";

    @Option(names = "--threads", description = "CPU threads (default: all processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--backend", description = "cpu, opencl or opencl:<device index or name> (default ${DEFAULT-VALUE}).")
    String backend = "cpu";

    @Option(names = "--reps", description = "Timed repetitions per op (default ${DEFAULT-VALUE}).")
    int reps = 7;

    @Option(names = "--warmup", description = "Untimed repetitions per op first (default ${DEFAULT-VALUE}).")
    int warmup = 3;

    @Option(names = "--sizes", split = ",", description = "Layer sizes (default: the MNIST auto-encoder).")
    int[] sizes = SIZES;

    @Override
    public void run() {
        if (batch < 1 || reps < 1 || warmup < 0 || threads < 1)
            throw new IllegalArgumentException("--batch, --reps and --threads must be >= 1 and --warmup >= 0");
        DType dt = DType.parse(dtype);
        Backend be = BackendOption.create(backend, threads);
        Mlp net = Mlp.autoencoder(sizes);
        Params theta = net.init(Init.scaledNormal(), be, dt, 1);
        Tensor x = be.randomUniform(Shape.of(batch, sizes[0]), dt, 2, 0, 1);
        Params v = theta.map(t -> be.randomNormal(t.shape(), dt, 3 + t.size()));
        Loss loss = Losses.logisticCrossEntropy();
        Function<Params, Tensor> outputs = p -> net.outputs(p, x);
        Function<Params, Tensor> objective = p -> loss.value(outputs.apply(p), x);
        GaussNewton gn = GaussNewton.at(outputs, loss, theta, x);

        Map<String, Runnable> ops = new LinkedHashMap<>();
        ops.put("forward", () -> objective.apply(theta).item());
        ops.put("grad", () -> AD.valueAndGrad(objective, theta));
        ops.put("linearize", () -> GaussNewton.at(outputs, loss, theta, x));
        ops.put("gnvp", () -> gn.apply(v));
        ops.put("hvp", () -> AD.hvp(objective, theta, v));

        Map<String, Measurement> results = new LinkedHashMap<>();
        ops.keySet().forEach(k -> results.put(k, new Measurement()));
        for (int i = 0; i < warmup; i++) ops.values().forEach(Runnable::run);
        // Reps interleave the ops so that slow drifts of a shared machine hit all of them alike.
        for (int r = 0; r < reps; r++) ops.forEach((name, op) -> results.get(name).time(op));
        ops.forEach((name, op) -> results.get(name).measurePeakHeap(op));
        results.forEach((name, m) -> System.out.println(String.format(Locale.ROOT,
                "{\"op\":\"%s\",\"batch\":%d,\"dtype\":\"%s\",\"threads\":%d,\"backend\":\"%s\",\"median_s\":%.5f,\"min_s\":%.5f,\"peak_heap_mb\":%.0f,\"reps\":%d}",
                name, batch, dt, threads, be.name(), m.median(), m.min(), m.peakHeapMb(), reps)));
    }
}
