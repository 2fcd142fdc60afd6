package dev.pearl.examples.bench;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.ad.AD;
import dev.pearl.hf.curvature.Curvature;
import dev.pearl.hf.curvature.CurvatureProduct;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.MaskedSequenceLoss;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.TanhRnnModel;
import dev.pearl.nn.GaussNewton;
import dev.pearl.nn.Loss;
import dev.pearl.nn.Losses;
import dev.pearl.nn.TanhRnn;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Cost of training a tanh RNN through time: one gradient, one Gauss-Newton product (at a fixed
 * linearization, as inside CG) and one Hessian-vector product of the squared error on the last
 * step. Same net and JSON fields as examples/scripts/torch_rnn_bench.py, the PyTorch reference.
 * Two more ops have no PyTorch counterpart: the Gauss-Newton product of the same net on a sequence
 * problem with outputs at every step and the loss masked to the last step ("masked_gnvp", as HF
 * trains tasks with targets throughout), and the product as HF trains addition ("structural_gnvp":
 * outputs only from the first step that can carry a target, here the last, and structural damping
 * on every step's hidden units); its ratio to gnvp is what a CG step of a task costs beyond the
 * plain product.
 */
@Command(name = "rnn", mixinStandardHelpOptions = true,
        description = "Time grad, gnvp and hvp of a tanh RNN unrolled over --steps; one JSON line per op.")
public final class RnnBench implements Runnable {
    @Option(names = "--steps", description = "Time steps T (default ${DEFAULT-VALUE}).")
    int steps = 100;

    @Option(names = "--batch", description = "Sequences per batch (default ${DEFAULT-VALUE}).")
    int batch = 1000;

    @Option(names = "--hidden", description = "tanh units (default ${DEFAULT-VALUE}).")
    int hidden = 100;

    @Option(names = "--inputs", description = "Inputs per step (default ${DEFAULT-VALUE}).")
    int inputs = 2;

    @Mixin
    TargetOptions target = new TargetOptions();

    @Mixin
    Repetitions repetitions = new Repetitions();

    @Override
    public void run() {
        if (steps < 1 || batch < 1 || hidden < 1 || inputs < 1 || target.threads < 1 || !repetitions.valid())
            throw new IllegalArgumentException("--steps, --batch, --hidden, --inputs, --reps and --threads must be >= 1 and --warmup >= 0");
        DType dt = target.dtype();
        Backend be = target.backend();
        TanhRnn net = new TanhRnn(inputs, hidden, 1);
        Params theta = net.init(be, dt, 1);
        Tensor x = be.randomNormal(Shape.of(steps, batch, inputs), dt, 2);
        Tensor y = be.randomNormal(Shape.of(batch, 1), dt, 3);
        Params v = theta.map(t -> be.randomNormal(t.shape(), dt, 4 + t.size()));
        Loss loss = Losses.squaredError();
        Function<Params, Tensor> objective = p -> loss.value(net.lastOutput(p, x), y);
        GaussNewton gn = GaussNewton.at(p -> net.lastOutput(p, x), loss, theta, y);

        // Each op ends by reading a norm, so a device backend must finish its work inside the timing.
        Map<String, Runnable> ops = new LinkedHashMap<>();
        ops.put("grad", () -> AD.grad(objective, theta).norm());
        ops.put("gnvp", () -> gn.apply(v).norm());
        ops.put("hvp", () -> AD.hvp(objective, theta, v).norm());
        Batch sequences = lastStepBatch(be, dt, x, y);
        Problem everyStep = Problem.ofStructuredModel(TanhRnnModel.of(net), MaskedSequenceLoss.squaredError());
        Problem lastStep = Problem.ofStructuredModel(TanhRnnModel.of(net, steps - 1), MaskedSequenceLoss.squaredError());
        Tensor targets = sequences.targets();
        Batch lastTargets = Batch.of(sequences.inputs(), Ops.slice(targets, 1, steps - 1, steps));
        CurvatureProduct masked = Curvature.gaussNewton().at(everyStep, theta, sequences, 0);
        CurvatureProduct structural = Curvature.gaussNewton().at(lastStep, theta, lastTargets, 1.0 / 30);
        ops.put("masked_gnvp", () -> masked.apply(v).norm());
        ops.put("structural_gnvp", () -> structural.apply(v).norm());
        Map<String, Measurement> results = repetitions.time(ops);
        results.forEach((name, m) -> System.out.println(String.format(Locale.ROOT,
                "{\"op\":\"rnn_%s\",\"steps\":%d,\"batch\":%d,\"hidden\":%d,\"dtype\":\"%s\",\"threads\":%d,\"backend\":\"%s\",\"median_s\":%.5f,\"min_s\":%.5f,\"median_cpu_s\":%.5f,\"reps\":%d%s}",
                name, steps, batch, hidden, dt, target.threads, be.name(), m.median(), m.min(), m.medianCpu(), repetitions.reps, KernelField.json())));
    }

    /** The bench's data case-major, with the target y at the last step and NaN (no target) before it. */
    private static Batch lastStepBatch(Backend be, DType dt, Tensor timeMajor, Tensor y) {
        int steps = timeMajor.dim(0), cases = timeMajor.dim(1);
        double[] last = y.toDoubleArray(), targets = new double[cases * steps];
        Arrays.fill(targets, Double.NaN);
        for (int n = 0; n < cases; n++) targets[n * steps + steps - 1] = last[n];
        return Batch.of(Ops.transpose(timeMajor, 1, 0, 2), be.fromArray(targets, Shape.of(cases, steps, 1), dt));
    }
}
