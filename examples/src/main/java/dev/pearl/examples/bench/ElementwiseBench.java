package dev.pearl.examples.bench;

import dev.pearl.Ops;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Cost of one elementwise op or reduction on the CPU (or a device) at the sizes a time loop or a
 * layer sees: [1000,100] (an RNN step) and [1000,1000] (a wide layer). One timed repetition runs
 * the op --calls times, each into a fresh output as Ops gives it, and reports the time per call;
 * medians over --reps, ops interleaved. Same ops and JSON fields as
 * examples/scripts/torch_elementwise_bench.py, the PyTorch reference.
 */
@Command(name = "elementwise", mixinStandardHelpOptions = true,
        description = "Time elementwise ops and reductions (add, mul, exp, log, tanh, sigmoid, softplus, relu, "
                + "row sums) at [1000,100] and [1000,1000]; one JSON line per op and shape.")
public final class ElementwiseBench extends IsaBench {
    @Option(names = "--shapes", split = ",", description = "Shapes as ROWSxCOLS (default ${DEFAULT-VALUE}).")
    List<String> shapes = List.of("1000x100", "1000x1000");

    @Option(names = "--calls", description = "Calls per timed repetition (default ${DEFAULT-VALUE}).")
    int calls = 50;

    @Mixin
    TargetOptions target = new TargetOptions();

    @Mixin
    Repetitions repetitions = new Repetitions();

    @Override
    protected Integer measure() {
        if (calls < 1 || target.threads < 1 || !repetitions.valid())
            throw new IllegalArgumentException("--calls, --reps and --threads must be >= 1 and --warmup >= 0");
        DType dt = target.dtype();
        Backend be = target.backend();
        for (String text : shapes) {
            Shape shape = parseShape(text);
            Tensor a = be.randomNormal(shape, dt, 1), b = be.randomNormal(shape, dt, 2);
            Tensor positive = be.randomUniform(shape, dt, 3, 0.1, 2.0);
            Map<String, Supplier<Tensor>> ops = new LinkedHashMap<>();
            ops.put("add", () -> Ops.add(a, b));
            ops.put("mul", () -> Ops.mul(a, b));
            ops.put("exp", () -> Ops.exp(a));
            ops.put("log", () -> Ops.log(positive));
            ops.put("tanh", () -> Ops.tanh(a));
            ops.put("sigmoid", () -> Ops.sigmoid(a));
            ops.put("softplus", () -> Ops.softplus(a));
            ops.put("relu", () -> Ops.relu(a));
            ops.put("sum_rows", () -> Ops.sum(a, 0));
            Map<String, Runnable> timed = new LinkedHashMap<>();
            // Reading one element at the end makes a device backend finish the calls inside the timing.
            ops.forEach((name, op) -> timed.put(name, () -> {
                Tensor last = null;
                for (int i = 0; i < calls; i++) last = op.get();
                last.toDoubleArray();
            }));
            Map<String, Measurement> results = repetitions.time(timed);
            results.forEach((name, m) -> System.out.println(String.format(Locale.ROOT,
                    "{\"op\":\"elementwise\",\"fn\":\"%s\",\"shape\":\"%s\",\"dtype\":\"%s\",\"threads\":%d,\"backend\":\"%s\","
                            + "\"median_us\":%.2f,\"min_us\":%.2f,\"cpu_us\":%.2f,\"calls\":%d,\"reps\":%d%s}",
                    name, text, dt, target.threads, be.name(), 1e6 * m.median() / calls, 1e6 * m.min() / calls,
                    1e6 * m.medianCpu() / calls, calls, repetitions.reps, KernelField.json())));
        }
        return 0;
    }

    private static Shape parseShape(String text) {
        String[] parts = text.split("x");
        try {
            if (parts.length == 2) {
                int rows = Integer.parseInt(parts[0]), cols = Integer.parseInt(parts[1]);
                if (rows >= 1 && cols >= 1) return Shape.of(rows, cols);
            }
        } catch (NumberFormatException e) {
            // fall through to the one-line error
        }
        throw new IllegalArgumentException("--shapes takes ROWSxCOLS with both >= 1, got '" + text + "'");
    }
}
