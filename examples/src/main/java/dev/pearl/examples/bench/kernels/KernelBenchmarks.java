package dev.pearl.examples.bench.kernels;

import dev.pearl.Ops;
import dev.pearl.tensor.Backends;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * The CPU kernels one auto-encoder layer spends its time in, at the MNIST auto-encoder's widest
 * layer (batch 1000, 784 → 1000) and in both dtypes: the forward matmul, the two gradient matmuls
 * (transposed operands), the logistic, tanh and softplus maps, and the bias reduction.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KernelBenchmarks {
    static final int BATCH = 1000, IN = 784, OUT = 1000;

    @Param({"float32", "float64"})
    public String dtype;

    @Param({"0"})
    public int threads;

    private Tensor input, weights, delta, preActivation;

    @Setup
    public void setUp() {
        if (threads > 0) Backends.setDefault(Backends.cpu(threads));
        DType d = DType.parse(dtype);
        input = Tensor.randomUniform(1, d, BATCH, IN);
        weights = Tensor.randomNormal(2, d, IN, OUT);
        delta = Tensor.randomNormal(3, d, BATCH, OUT);
        preActivation = Tensor.randomNormal(4, d, BATCH, OUT);
    }

    /** X·W: the forward product, 1000×784 by 784×1000. */
    @Benchmark
    public Tensor matmulForward() {
        return Ops.matmul(input, weights);
    }

    /** Xᵀ·Δ: the weight gradient (transposed left operand). */
    @Benchmark
    public Tensor matmulWeightGradient() {
        return Ops.matmul(input, delta, true, false);
    }

    /** Δ·Wᵀ: the gradient passed down (transposed right operand). */
    @Benchmark
    public Tensor matmulInputGradient() {
        return Ops.matmul(delta, weights, false, true);
    }

    @Benchmark
    public Tensor sigmoid() {
        return Ops.sigmoid(preActivation);
    }

    @Benchmark
    public Tensor tanh() {
        return Ops.tanh(preActivation);
    }

    @Benchmark
    public Tensor softplus() {
        return Ops.softplus(preActivation);
    }

    /** Σ over the batch: the bias gradient. */
    @Benchmark
    public Tensor biasGradient() {
        return Ops.sum(delta, 0);
    }
}
