package dev.pearl.nn;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.ad.AD;
import dev.pearl.check.Checker;
import dev.pearl.tensor.ConvSpec;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Index;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LeNet-5 and a bag-of-embeddings classifier written with the layers: wiring, parameters, errors. */
class SequentialTest {
    private static final Backend CPU = new dev.pearl.cpu.CpuBackend(2);

    private static Sequential lenet() {
        return Sequential.of(Shape.of(1, 28, 28),
                Conv2d.of(6, 5, ConvSpec.of(1, 2, 1)), Activation.TANH, Pool2d.max(2),
                Conv2d.of(16, 5), Activation.TANH, Pool2d.max(2),
                Flatten.INSTANCE, Dense.of(120), Activation.TANH, Dense.of(84), Activation.TANH, Dense.of(10));
    }

    @Test
    void lenetHasTheExpectedShapesAndParameters() {
        Sequential net = lenet();
        assertEquals(Shape.of(10), net.outputShape());
        Params theta = net.init(CPU, DType.FLOAT32, 1);
        assertEquals(List.of("conv1.w", "conv1.b", "conv2.w", "conv2.b", "dense1.w", "dense1.b", "dense2.w", "dense2.b", "dense3.w", "dense3.b"), theta.names());
        assertEquals(Shape.of(6, 1, 5, 5), theta.get("conv1.w").shape());
        assertEquals(Shape.of(16, 6, 5, 5), theta.get("conv2.w").shape());
        assertEquals(Shape.of(400, 120), theta.get("dense1.w").shape());
        assertEquals(61706, theta.numel());
        assertEquals(Shape.of(3, 10), net.outputs(theta, CPU.randomNormal(Shape.of(3, 1, 28, 28), DType.FLOAT32, 2)).shape());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void outputsAreTheLayersComposedByHand(Backend b) {
        Sequential net = Sequential.of(Shape.of(2, 6, 6), Conv2d.of(3, 3, ConvSpec.of(1, 1, 1)), Activation.RELU, Pool2d.average(2), Flatten.INSTANCE, Dense.of(4));
        Params p = net.init(b, DType.FLOAT64, 7).map(t -> Ops.add(t, Ops.mul(b.randomNormal(t.shape(), DType.FLOAT64, t.size()), 0.1)));
        Tensor x = b.randomNormal(Shape.of(2, 2, 6, 6), DType.FLOAT64, 8);
        Tensor h = Ops.relu(Ops.add(Ops.conv2d(x, p.get("conv1.w"), ConvSpec.of(1, 1, 1)), Ops.reshape(p.get("conv1.b"), 3, 1, 1)));
        Tensor z = Ops.add(Ops.matmul(Ops.reshape(Ops.avgPool2d(h, 2, 2), 2, 27), p.get("dense1.w")), p.get("dense1.b"));
        assertArrayEquals(z.toDoubleArray(), net.outputs(p, x).toDoubleArray(), 0);
    }

    /** The conv, tanh, pooling stretch runs cases last inside the network; values and gradients are those of the NCHW ops. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void casesLastStretchGivesTheGradientOfTheLayersComposedByHand(Backend b) {
        Sequential net = Sequential.of(Shape.of(2, 7, 7), Conv2d.of(3, 2), Activation.TANH, Pool2d.max(2, 2, 1), Flatten.INSTANCE, Dense.of(2));
        Params p = net.init(b, DType.FLOAT64, 9).map(t -> Ops.add(t, Ops.mul(b.randomNormal(t.shape(), DType.FLOAT64, t.size()), 0.1)));
        Tensor x = b.randomNormal(Shape.of(3, 2, 7, 7), DType.FLOAT64, 10);
        Function<Params, Tensor> byHand = q -> {
            Tensor h = Ops.tanh(Ops.add(Ops.conv2d(x, q.get("conv1.w")), Ops.reshape(q.get("conv1.b"), 3, 1, 1)));
            Tensor z = Ops.add(Ops.matmul(Ops.reshape(Ops.maxPool2d(h, 2, 2, 1), 3, 48), q.get("dense1.w")), q.get("dense1.b"));
            return Ops.sum(Ops.square(z));
        };
        Params want = AD.grad(byHand, p), got = AD.grad(q -> Ops.sum(Ops.square(net.outputs(q, x))), p);
        // The same products; only sums (the bias gradient's over cases and pixels) may add in another
        // order: fewer than 200 terms below 4 in size round to within 200 · 4 · 2⁻⁵³ < 1e-13.
        for (String name : p.names())
            assertArrayEquals(want.get(name).toDoubleArray(), got.get(name).toDoubleArray(), 1e-13, name);
    }

    @Test
    void misfitsAreNamedWhenTheNetworkIsBuiltAndRun() {
        IllegalArgumentException built = assertThrows(IllegalArgumentException.class,
                () -> Sequential.of(Shape.of(1, 8, 8), Conv2d.of(4, 3), Dense.of(10)));
        assertTrue(built.getMessage().contains("layer 2 (dense) of 2") && built.getMessage().contains("Flatten"), built.getMessage());
        IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class, () -> Sequential.of(Shape.of(1, 4, 4), Conv2d.of(4, 5)));
        assertTrue(tooSmall.getMessage().contains("kernel 5x5") && tooSmall.getMessage().contains("[1,4,4]"), tooSmall.getMessage());
        Sequential net = lenet();
        IllegalArgumentException run = assertThrows(IllegalArgumentException.class,
                () -> net.outputs(net.init(CPU, DType.FLOAT32, 1), CPU.full(Shape.of(2, 28, 28), DType.FLOAT32, 0)));
        assertTrue(run.getMessage().contains("[cases, 1,28,28]") && run.getMessage().contains("[2,28,28]"), run.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void bagOfEmbeddingsAveragesTheTokensAndTrainsOnlyTheRowsItUses(Backend b) {
        BagOfEmbeddings model = new BagOfEmbeddings(6, 3, Dense.of(2));
        Params theta = model.init(b, DType.FLOAT64, 3);
        Index tokens = Index.of(new int[]{1, 4, 4, -1, 2, -1, -1, -1}, 2, 4);
        double[] table = theta.get("embedding").toDoubleArray();
        double[] mean = new double[6];
        for (int d = 0; d < 3; d++) {
            mean[d] = (table[3 + d] + 2 * table[12 + d]) / 3;
            mean[3 + d] = table[6 + d];
        }
        Tensor expected = Ops.add(Ops.matmul(b.fromArray(mean, Shape.of(2, 3), DType.FLOAT64), theta.get("dense1.w")), theta.get("dense1.b"));
        assertArrayEquals(expected.toDoubleArray(), model.outputs(theta, tokens).toDoubleArray(), 1e-15);

        Params g = AD.grad(p -> Ops.sum(Ops.square(model.outputs(p, tokens))), theta);
        double[] rows = g.get("embedding").toDoubleArray();
        for (int unused : new int[]{0, 3, 5})
            for (int d = 0; d < 3; d++) assertEquals(0, rows[unused * 3 + d], "gradient of unused row " + unused);
        Tensor labels = b.fromArray(new double[]{1, 0}, Shape.of(2), DType.FLOAT64);
        GaussNewton gn = GaussNewton.at(p -> model.outputs(p, tokens), Losses.softmaxCrossEntropyWithLabels(), theta, labels);
        Checker.defaults().positiveSemiDefinite("Gauss-Newton of a bag of embeddings", gn::apply, theta, 5).assertOk();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.outputs(theta, Index.of(new int[]{1, 6}, 1, 2)));
        assertTrue(e.getMessage().contains("index 6 at position 1") && e.getMessage().contains("[6,3]"), e.getMessage());
    }
}
