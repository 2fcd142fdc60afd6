package dev.pearl.ops;

import dev.pearl.Ops;
import dev.pearl.ad.AD;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import dev.pearl.testing.Approx;
import dev.pearl.testing.HostTensor;
import dev.pearl.testing.Reference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;

/**
 * Tensors large enough (more than 2^15 elements) for the CPU kernels to split work over threads,
 * which the small generated cases never do: elementwise, broadcast, reductions along either
 * layout and over outer and inner axes at once, transposes, the chunked logistic cross-entropy and
 * gradients, in both dtypes, against the plain-Java reference.
 */
class LargeTensorForwardTest {
    private static final Shape BIG = Shape.of(300, 200);

    private static HostTensor random(Shape s, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) v[i] = rng.nextDouble(-2, 2);
        return new HostTensor(s, v);
    }

    private static double rtol(DType d) {
        return d == DType.FLOAT32 ? 2e-5 : 1e-12;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void elementwiseAndBroadcasting(Backend b) {
        for (DType d : DType.values()) {
            HostTensor x = random(BIG, 1).roundedToFloat(), col = random(Shape.of(300, 1), 2).roundedToFloat(), row = random(Shape.of(200), 3).roundedToFloat();
            Tensor tx = x.on(b, d);
            Approx.assertClose("exp " + d, Reference.map(x, Math::exp), Ops.exp(tx), rtol(d));
            Approx.assertClose("x + column " + d, Reference.zip(x, col, Double::sum), Ops.add(tx, col.on(b, d)), rtol(d));
            Approx.assertClose("x * row " + d, Reference.zip(x, row, (p, q) -> p * q), Ops.mul(tx, row.on(b, d)), rtol(d));
            Approx.assertClose("broadcastTo " + d, Reference.broadcastTo(row, BIG), Ops.broadcastTo(row.on(b, d), 300, 200), 0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void reductionsAndTransposes(Backend b) {
        for (DType d : DType.values()) {
            HostTensor x = random(BIG, 4).roundedToFloat();
            Tensor tx = x.on(b, d);
            Approx.assertClose("sum over rows " + d, Reference.sum(x, new int[]{1}, false), Ops.sum(tx, 1), rtol(d));
            Approx.assertClose("sum over columns " + d, Reference.sum(x, new int[]{0}, false), Ops.sum(tx, 0), rtol(d));
            Approx.assertClose("max over columns " + d, Reference.max(x, new int[]{0}, true), Ops.max(tx, true, 0), 0);
            Approx.assertClose("sum of all " + d, Reference.sum(x, new int[]{0, 1}, false), Ops.sum(tx), rtol(d));
            Approx.assertClose("transpose " + d, Reference.transpose(x, new int[]{1, 0}), Ops.transpose(tx), 0);
            HostTensor x3 = Reference.reshape(x, Shape.of(30, 10, 200));
            Approx.assertClose("sum over the middle axis " + d, Reference.sum(x3, new int[]{1}, false), Ops.sum(x3.on(b, d), 1), rtol(d));
            // a cases-last pooling window's reduction: the middle axis of [outer, window, cols], exact in either dtype
            Approx.assertClose("max over the middle axis " + d, Reference.max(x3, new int[]{1}, true), Ops.max(x3.on(b, d), true, 1), 0);
            Approx.assertClose("transpose [2,0,1] " + d, Reference.transpose(x3, new int[]{2, 0, 1}), Ops.transpose(x3.on(b, d), 2, 0, 1), 0);
            Approx.assertClose("transpose [1,2,0] " + d, Reference.transpose(x3, new int[]{1, 2, 0}), Ops.transpose(x3.on(b, d), 1, 2, 0), 0);
            Approx.assertClose("transpose [0,2,1] " + d, Reference.transpose(x3, new int[]{0, 2, 1}), Ops.transpose(x3.on(b, d), 0, 2, 1), 0);
            // a bias gradient's shape of reduction: outer and inner axes, the middle one kept
            Approx.assertClose("sum over the outer and inner axes " + d, Reference.sum(x3, new int[]{0, 2}, false), Ops.sum(x3.on(b, d), 0, 2), rtol(d));
            Approx.assertClose("max over the outer and inner axes " + d, Reference.max(x3, new int[]{0, 2}, true), Ops.max(x3.on(b, d), true, 0, 2), 0);
        }
    }

    /** More elements than one chunk of its forward pass (2^16), and a last chunk that is not full. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void logisticCrossEntropyOverSeveralChunksAndItsGradient(Backend b) {
        Shape s = Shape.of(300, 500);
        for (DType d : DType.values()) {
            HostTensor z = random(s, 6).roundedToFloat(), y = Reference.map(random(s, 7), v -> (v + 2) / 4).roundedToFloat();
            Tensor ty = y.on(b, d);
            HostTensor terms = Reference.zip(z, y, (zi, yi) -> Math.log1p(Math.exp(zi)) - yi * zi);
            Approx.assertClose("value " + d, Reference.sum(terms, new int[]{0, 1}, false), Ops.logisticCrossEntropy(z.on(b, d), ty), rtol(d));
            Approx.assertClose("gradient " + d, Reference.zip(z, y, (zi, yi) -> 1 / (1 + Math.exp(-zi)) - yi),
                    AD.grad(t -> Ops.logisticCrossEntropy(t, ty), z.on(b, d)), rtol(d));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void gradientOfASumOfSquaresIsTwiceTheInput(Backend b) {
        HostTensor x = random(BIG, 5);
        Tensor g = AD.grad(t -> Ops.sum(Ops.square(t)), x.on(b, DType.FLOAT64));
        Approx.assertClose("grad", Reference.map(x, v -> 2 * v), g, 1e-15);
    }
}
