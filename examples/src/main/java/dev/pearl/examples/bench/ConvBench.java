package dev.pearl.examples.bench;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.ad.AD;
import dev.pearl.examples.models.LeNet;
import dev.pearl.nn.GaussNewton;
import dev.pearl.nn.Loss;
import dev.pearl.nn.Losses;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Cost of training the LeNet-5-like net of {@code pearl train --model lenet} on a batch of 28x28
 * images: its forward pass, forward + backward (the gradient of the softmax cross-entropy on
 * labels) and one Gauss-Newton product at a fixed linearization, as inside HF's CG. Same net and
 * JSON fields as examples/scripts/torch_conv_bench.py, the PyTorch reference. median_cpu_s is the
 * median CPU time of the JVM's threads per run: on a machine shared with other jobs it counts the
 * work done, not the time spent waiting for a core.
 */
@Command(name = "conv", mixinStandardHelpOptions = true,
        description = "Time forward, grad (forward + backward) and gnvp of the LeNet net of 'train --model lenet'; one JSON line per op.")
public final class ConvBench extends IsaBench {
    @Option(names = "--batch", description = "Images per batch (default ${DEFAULT-VALUE}).")
    int batch = 1000;

    @Mixin
    TargetOptions target = new TargetOptions();

    @Mixin
    Repetitions repetitions = new Repetitions();

    @Override
    protected Integer measure() {
        if (batch < 1 || target.threads < 1 || !repetitions.valid())
            throw new IllegalArgumentException("--batch, --reps and --threads must be >= 1 and --warmup >= 0");
        DType dt = target.dtype();
        Backend be = target.backend();
        Params theta = LeNet.net().init(be, dt, 1);
        Tensor x = be.randomUniform(Shape.of(batch, LeNet.PIXELS), dt, 2, 0, 1);
        double[] classes = new double[batch];
        for (int i = 0; i < batch; i++) classes[i] = i % LeNet.CLASSES;
        Tensor labels = be.fromArray(classes, Shape.of(batch), dt);
        Params v = theta.map(t -> be.randomNormal(t.shape(), dt, 4 + t.size()));
        Loss loss = Losses.softmaxCrossEntropyWithLabels();
        Function<Params, Tensor> objective = p -> loss.value(LeNet.outputs(p, x), labels);
        GaussNewton gn = GaussNewton.at(p -> LeNet.outputs(p, x), loss, theta, labels);

        // Each op ends by reading a number, so a device backend must finish its work inside the timing.
        Map<String, Runnable> ops = new LinkedHashMap<>();
        ops.put("forward", () -> Ops.sum(LeNet.outputs(theta, x)).item());
        ops.put("grad", () -> AD.grad(objective, theta).norm());
        ops.put("gnvp", () -> gn.apply(v).norm());
        Map<String, Measurement> results = repetitions.time(ops);
        results.forEach((name, m) -> System.out.println(String.format(Locale.ROOT,
                "{\"op\":\"lenet_%s\",\"batch\":%d,\"dtype\":\"%s\",\"threads\":%d,\"backend\":\"%s\",\"median_s\":%.5f,\"min_s\":%.5f,\"median_cpu_s\":%.5f,\"reps\":%d%s}",
                name, batch, dt, target.threads, be.name(), m.median(), m.min(), m.medianCpu(), repetitions.reps, KernelField.json())));
        return 0;
    }
}
