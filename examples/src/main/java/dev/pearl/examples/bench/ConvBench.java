package dev.pearl.examples.bench;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.ad.AD;
import dev.pearl.examples.models.LeNet;
import dev.pearl.nn.GaussNewton;
import dev.pearl.nn.Loss;
import dev.pearl.nn.Losses;
import dev.pearl.backend.ConvPass;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.ConvSpec;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.DenseTensor;
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
        description = "Time forward, grad (forward + backward) and gnvp of the LeNet net of 'train --model lenet' (or, with --passes, its convolutions' products alone); one JSON line per op.")
public final class ConvBench extends IsaBench {
    @Option(names = "--batch", description = "Images per batch (default ${DEFAULT-VALUE}).")
    int batch = 1000;

    @Option(names = "--passes", description = "Instead of the net, time each of its two convolutions' three products alone "
            + "(forward, input gradient, weight gradient: Backend.convolution on cases-last tensors).")
    boolean passes;

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
        Map<String, Runnable> ops = passes ? convolutionPasses(be, dt) : net(be, dt);
        Map<String, Measurement> results = repetitions.time(ops);
        results.forEach((name, m) -> System.out.println(String.format(Locale.ROOT,
                "{\"op\":\"lenet_%s\",\"batch\":%d,\"dtype\":\"%s\",\"threads\":%d,\"backend\":\"%s\",\"median_s\":%.5f,\"min_s\":%.5f,\"median_cpu_s\":%.5f,\"reps\":%d%s}",
                name, batch, dt, target.threads, be.name(), m.median(), m.min(), m.medianCpu(), repetitions.reps, KernelField.json())));
        return 0;
    }

    /** The net's forward pass, gradient and Gauss-Newton product. */
    private Map<String, Runnable> net(Backend be, DType dt) {
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
        return ops;
    }

    /** conv1 (1 -> 6 channels, 28x28, padding 2) and conv2 (6 -> 16, 14x14) of the net, each product alone. */
    private Map<String, Runnable> convolutionPasses(Backend be, DType dt) {
        Map<String, Runnable> ops = new LinkedHashMap<>();
        addPasses(ops, "conv1", be, dt, Shape.of(1, LeNet.SIDE, LeNet.SIDE, batch), Shape.of(6, 1, 5, 5), ConvSpec.of(1, 2, 1));
        addPasses(ops, "conv2", be, dt, Shape.of(6, 14, 14, batch), Shape.of(16, 6, 5, 5), ConvSpec.DEFAULT);
        return ops;
    }

    private static void addPasses(Map<String, Runnable> ops, String layer, Backend be, DType dt, Shape xs, Shape ws, ConvSpec spec) {
        Shape ys = Shape.of(ws.dim(0), spec.outputHeight(xs.dim(1), ws.dim(2)), spec.outputWidth(xs.dim(2), ws.dim(3)), xs.dim(3));
        DenseTensor x = be.randomUniform(xs, dt, 5, -1, 1), w = be.randomUniform(ws, dt, 6, -1, 1), dy = be.randomUniform(ys, dt, 7, -1, 1);
        ops.put(layer + "_forward", () -> Ops.sum(be.convolution(ConvPass.FORWARD, x, w, spec, ys)).item());
        ops.put(layer + "_input_gradient", () -> Ops.sum(be.convolution(ConvPass.INPUT_GRADIENT, dy, w, spec, xs)).item());
        ops.put(layer + "_weight_gradient", () -> Ops.sum(be.convolution(ConvPass.WEIGHT_GRADIENT, x, dy, spec, ws)).item());
    }
}
