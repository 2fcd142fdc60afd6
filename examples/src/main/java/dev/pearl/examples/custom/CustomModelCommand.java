package dev.pearl.examples.custom;

import dev.pearl.Params;
import dev.pearl.hf.BatchPlan;
import dev.pearl.hf.HessianFree;
import dev.pearl.hf.HfIteration;
import dev.pearl.hf.HfOptions;
import dev.pearl.hf.HfState;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.sgd.MomentumSgd;
import dev.pearl.hf.sgd.MinibatchIteration;
import dev.pearl.hf.sgd.SgdOptions;
import dev.pearl.hf.sgd.SgdState;
import dev.pearl.hf.train.StopCondition;
import dev.pearl.hf.train.TrainingLoop;
import dev.pearl.tensor.Backends;
import dev.pearl.tensor.DType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code pearl custom}: trains {@link GatedResidualNet}, a model written from scratch, on
 * {@link TwoSpirals} with Hessian-free optimisation (and, on request, Nesterov SGD for the same
 * time), printing loss and accuracy as it goes.
 */
@Command(name = "custom", mixinStandardHelpOptions = true,
        description = "Train a model written from scratch with Pearl's ops (a gated residual network) "
                + "on two interleaved spirals with Hessian-free optimisation.")
public final class CustomModelCommand implements Runnable {
    @Option(names = "--optimizer", description = "hf, sgd, or both for a comparison at equal time (default ${DEFAULT-VALUE}).")
    String optimizer = "hf";

    @Option(names = "--max-seconds", description = "Training time per optimizer (default ${DEFAULT-VALUE}).")
    double maxSeconds = 5;

    @Option(names = "--max-iterations", description = "HF iterations at most (default ${DEFAULT-VALUE}).")
    int maxIterations = 200;

    @Option(names = "--train-size", description = "Training points (default ${DEFAULT-VALUE}).")
    int trainSize = 1000;

    @Option(names = "--test-size", description = "Held-out test points (default ${DEFAULT-VALUE}).")
    int testSize = 1000;

    @Option(names = "--turns", description = "Turns of each spiral; more is harder (default ${DEFAULT-VALUE}).")
    double turns = TwoSpirals.DEFAULT_TURNS;

    @Option(names = "--width", description = "Hidden units (default ${DEFAULT-VALUE}).")
    int width = 16;

    @Option(names = "--blocks", description = "Gated residual blocks (default ${DEFAULT-VALUE}).")
    int blocks = 2;

    @Option(names = "--learning-rate", description = "SGD learning rate (default ${DEFAULT-VALUE}).")
    double learningRate = 0.1;

    @Option(names = "--seed", description = "Seed of the data and the initial parameters (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--dtype", description = "float32 or float64 (default ${DEFAULT-VALUE}).")
    String dtype = "float64";

    @Option(names = "--threads", description = "CPU threads (default: all processors).")
    int threads = 0;

    private GatedResidualNet net;
    private Batch train;
    private Batch test;

    @Override
    public void run() {
        if (!List.of("hf", "sgd", "both").contains(optimizer))
            throw new IllegalArgumentException("unknown optimizer '" + optimizer + "' (expected hf, sgd or both)");
        if (threads > 0) Backends.setDefault(Backends.cpu(threads));
        DType type = DType.parse(dtype);
        net = new GatedResidualNet(2, width, blocks, 2);
        // Different seeds: the test points are fresh draws, not copies of training points.
        train = TwoSpirals.generate(trainSize, turns, TwoSpirals.DEFAULT_NOISE, type, seed);
        test = TwoSpirals.generate(testSize, turns, TwoSpirals.DEFAULT_NOISE, type, seed + 1_000_003L);
        Params initial = net.init(type, seed);

        System.out.printf("%s, %d parameters, %s; two spirals: %d training and %d test points%n",
                net, initial.numel(), type, trainSize, testSize);
        System.out.printf("untrained: loss %.4f, test accuracy %.1f%%%n", loss(initial), 100 * testAccuracy(initial));
        List<String> summary = new ArrayList<>();
        if (!optimizer.equals("sgd")) summary.add(trainWithHf(initial));
        if (!optimizer.equals("hf")) summary.add(trainWithSgd(initial));
        System.out.println("summary: " + String.join("; ", summary));
    }

    private String trainWithHf(Params initial) {
        System.out.printf("%nHessian-free with Martens' defaults (Gauss-Newton curvature), at most %.1f s or %d iterations%n", maxSeconds, maxIterations);
        System.out.printf("%5s %7s %9s %7s %7s %10s %4s%n", "iter", "time", "loss", "train", "test", "lambda", "CG");
        HessianFree hf = new HessianFree(net.problem(), BatchPlan.of(train), HfOptions.martens().withSeed(seed));
        long start = System.nanoTime();
        HfState end = TrainingLoop.run(hf, hf.start(initial), StopCondition.afterSeconds(maxSeconds).or(StopCondition.afterIterations(maxIterations)),
                (HfIteration r, HfState s) -> System.out.printf("%5d %6.2fs %9.5f %6.1f%% %6.1f%% %10.3g %4d%n", r.iteration(), seconds(start),
                        r.loss(), 100 * trainAccuracy(s.parameters()), 100 * testAccuracy(s.parameters()), r.lambda(), r.cgIterations()));
        return result("HF", end.parameters(), end.iteration() + " iterations", seconds(start));
    }

    private String trainWithSgd(Params initial) {
        SgdOptions options = SgdOptions.defaults().withLearningRate(learningRate).withSeed(seed);
        MomentumSgd sgd = new MomentumSgd(net.problem(), train, options);
        System.out.printf("%nNesterov SGD, rate %.3g, momentum 0.9, batches of %d, for %.1f s%n", learningRate, options.batchSize(), maxSeconds);
        System.out.printf("%5s %7s %9s %7s %7s%n", "epoch", "time", "loss", "train", "test");
        long start = System.nanoTime();
        double[] nextLine = {0};
        SgdState end = TrainingLoop.run(sgd, sgd.start(initial), StopCondition.afterSeconds(maxSeconds), (MinibatchIteration r, SgdState s) -> {
            boolean epochDone = s.iteration() % sgd.stepsPerEpoch() == 0;
            // About ten lines per run: SGD takes thousands of steps.
            if (epochDone && seconds(start) >= nextLine[0]) {
                nextLine[0] += maxSeconds / 10;
                System.out.printf("%5d %6.2fs %9.5f %6.1f%% %6.1f%%%n", r.epoch() + 1, seconds(start), loss(s.parameters()),
                        100 * trainAccuracy(s.parameters()), 100 * testAccuracy(s.parameters()));
            }
        });
        return result("SGD", end.parameters(), end.iteration() / sgd.stepsPerEpoch() + " epochs", seconds(start));
    }

    private String result(String name, Params theta, String work, double seconds) {
        return String.format("%s test accuracy %.1f%% (train %.1f%%, loss %.4f) after %s, %.1f s",
                name, 100 * testAccuracy(theta), 100 * trainAccuracy(theta), loss(theta), work, seconds);
    }

    private double loss(Params theta) {
        return net.problem().loss(theta, train);
    }

    private double trainAccuracy(Params theta) {
        return net.accuracy(theta, train.inputs(), train.targets());
    }

    private double testAccuracy(Params theta) {
        return net.accuracy(theta, test.inputs(), test.targets());
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }
}
