package dev.pearl.gpu;

import dev.pearl.Params;
import dev.pearl.cpu.CpuBackend;
import dev.pearl.hf.BatchPlan;
import dev.pearl.hf.HessianFree;
import dev.pearl.hf.HfIteration;
import dev.pearl.hf.HfState;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.train.Step;
import dev.pearl.nn.Init;
import dev.pearl.nn.Losses;
import dev.pearl.nn.Mlp;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small auto-encoder (16-8-3-8-16, sparse initialisation, logistic cross-entropy) trained by
 * Hessian-free with Martens' defaults for a few iterations on OpenCL and on the CPU backend from
 * the same start: the losses after each iteration agree (float64 to about 1e-9, float32 within
 * its rounding), and training makes progress.
 */
class HfTrainingSmokeTest {
    private static final Mlp NET = Mlp.autoencoder(16, 8, 3, 8, 16);
    private static final int CASES = 128, ITERATIONS = 5;

    /** Bumps of random position, width and height on a 16-pixel strip: 3 degrees of freedom. */
    private static double[] images() {
        SplittableRandom random = new SplittableRandom(1);
        double[] x = new double[CASES * 16];
        for (int n = 0; n < CASES; n++) {
            double centre = random.nextDouble(2, 14), width = random.nextDouble(1, 3), height = random.nextDouble(0.5, 1);
            for (int i = 0; i < 16; i++) x[n * 16 + i] = height * Math.exp(-0.5 * Math.pow((i - centre) / width, 2));
        }
        return x;
    }

    private static List<HfIteration> train(Backend backend, DType dtype) {
        Tensor x = backend.fromArray(images(), Shape.of(CASES, 16), dtype);
        Batch data = Batch.of(x, x);
        HessianFree hf = new HessianFree(Problem.ofModel(NET::outputs, Losses.logisticCrossEntropy()), BatchPlan.of(data));
        Params theta = NET.init(Init.sparse(15), backend, dtype, 3);
        HfState state = hf.start(theta);
        List<HfIteration> reports = new ArrayList<>();
        for (int i = 0; i < ITERATIONS; i++) {
            Step<HfState, HfIteration> step = hf.step(state, progress -> { });
            reports.add(step.report());
            state = step.state();
        }
        return reports;
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void lossesMatchTheCpuRunIterationByIteration(DType dtype) {
        List<HfIteration> cpu = train(new CpuBackend(1), dtype), gpu = train(OpenClTestSupport.discrete(), dtype);
        double rtol = dtype == DType.FLOAT64 ? 1e-9 : 1e-4;
        for (int i = 0; i < ITERATIONS; i++) {
            HfIteration c = cpu.get(i), g = gpu.get(i);
            System.out.printf("%s iteration %d: loss cpu %.10g opencl %.10g, CG steps %d / %d%n", dtype, i + 1, c.loss(), g.loss(), c.cgIterations(), g.cgIterations());
            assertEquals(c.loss(), g.loss(), rtol * Math.abs(c.loss()), dtype + " loss after iteration " + (i + 1));
        }
        assertTrue(gpu.get(ITERATIONS - 1).loss() < 0.9 * gpu.get(0).previousObjective(), "HF reduced the loss on OpenCL");
    }
}
