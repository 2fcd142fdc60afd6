package dev.pearl.examples.bench;

import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How often a bench runs its ops: untimed warm-up runs first, then timed runs interleaved (one of
 * each op per round), so that every op sees the same machine and the same JIT state.
 */
final class Repetitions {
    @Option(names = "--reps", description = "Timed repetitions per op (default ${DEFAULT-VALUE}).")
    int reps = 5;

    @Option(names = "--warmup", description = "Untimed repetitions per op first (default ${DEFAULT-VALUE}).")
    int warmup = 2;

    boolean valid() {
        return reps >= 1 && warmup >= 0;
    }

    /** Each op's measurements, in the ops' order. */
    Map<String, Measurement> time(Map<String, Runnable> ops) {
        Map<String, Measurement> results = new LinkedHashMap<>();
        ops.keySet().forEach(k -> results.put(k, new Measurement()));
        for (int i = 0; i < warmup; i++) ops.values().forEach(Runnable::run);
        for (int r = 0; r < reps; r++) results.forEach((name, m) -> m.time(ops.get(name)));
        return results;
    }
}
