package dev.pearl.ops;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.ad.AD;
import dev.pearl.ad.Vjp;
import dev.pearl.cpu.CpuBackend;
import dev.pearl.tensor.ConvSpec;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import dev.pearl.testing.Approx;
import dev.pearl.testing.ConvolutionReference;
import dev.pearl.testing.HostTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * conv2d and pooling on LeNet-sized inputs (larger than the property suite's) against the
 * nested-loop references, for a grid of strides, paddings and dilations, in float64 and float32:
 * these sizes split the gather and the matmul over threads and work-items.
 */
class ConvolutionAtScaleTest {
    /** float64: sums of up to 75 products of values below 1, in another order than the reference. */
    private static final double FLOAT64_RTOL = 1e-12;
    /** float32: inputs rounded to float32 (the reference sees the same), 75-term sums rounded in float32. */
    private static final double FLOAT32_RTOL = 2e-5;

    private static final Backend ONE_THREAD = new CpuBackend(1), TWO_THREADS = new CpuBackend(2);

    record Case(String name, Shape input, Shape weights, ConvSpec spec) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        List<Case> l = new ArrayList<>();
        l.add(new Case("LeNet conv1 28x28, 5x5, padding 2", Shape.of(3, 1, 28, 28), Shape.of(6, 1, 5, 5), ConvSpec.of(1, 2, 1)));
        l.add(new Case("LeNet conv2 12x12, 6 -> 16 channels", Shape.of(3, 6, 12, 12), Shape.of(16, 6, 5, 5), ConvSpec.DEFAULT));
        l.add(new Case("stride 2x3, padding 1x0", Shape.of(2, 3, 11, 13), Shape.of(4, 3, 3, 2), new ConvSpec(2, 3, 1, 0, 1, 1)));
        l.add(new Case("dilation 2x3, padding 2", Shape.of(2, 2, 10, 9), Shape.of(3, 2, 3, 3), new ConvSpec(1, 1, 2, 2, 2, 3)));
        l.add(new Case("stride 3, padding 2, dilation 2", Shape.of(2, 2, 9, 9), Shape.of(2, 2, 4, 4), ConvSpec.of(3, 2, 2)));
        l.add(new Case("1x1 kernel", Shape.of(4, 5, 7, 6), Shape.of(3, 5, 1, 1), ConvSpec.DEFAULT));
        return l;
    }

    static List<Object[]> backendsAndCases() {
        List<Object[]> l = new ArrayList<>();
        for (Backend b : dev.pearl.testing.TestBackends.all()) for (Case c : cases()) l.add(new Object[]{b, c});
        return l;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("backendsAndCases")
    void conv2dMatchesTheDirectConvolution(Backend b, Case c) {
        HostTensor x = random(c.input(), 1), w = random(c.weights(), 2);
        ConvSpec s = c.spec();
        HostTensor expected = ConvolutionReference.conv2d(x, w, s.strideH(), s.strideW(), s.padH(), s.padW(), s.dilationH(), s.dilationW());
        Approx.assertClose(c + " float64", expected, Ops.conv2d(x.on(b, DType.FLOAT64), w.on(b, DType.FLOAT64), s), FLOAT64_RTOL);
        HostTensor xf = x.roundedToFloat(), wf = w.roundedToFloat();
        HostTensor expectedF = ConvolutionReference.conv2d(xf, wf, s.strideH(), s.strideW(), s.padH(), s.padW(), s.dilationH(), s.dilationW());
        Approx.assertClose(c + " float32", expectedF, Ops.conv2d(xf.on(b, DType.FLOAT32), wf.on(b, DType.FLOAT32), s), FLOAT32_RTOL);
    }

    /**
     * The input and weight gradients (one pullback of conv2d) against the nested loops run
     * backwards. The bound is the one for any order of summation: n terms summed in precision u
     * are off by at most (n + 1)·u times the sum of the terms' magnitudes (inputs are exact in
     * both precisions); a lost or doubled term breaks it.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("backendsAndCases")
    void conv2dGradientsMatchTheDirectLoops(Backend b, Case c) {
        ConvSpec s = c.spec();
        for (DType dtype : DType.values()) {
            boolean single = dtype == DType.FLOAT32;
            HostTensor x = random(c.input(), 1), w = random(c.weights(), 2);
            if (single) {
                x = x.roundedToFloat();
                w = w.roundedToFloat();
            }
            HostTensor y = ConvolutionReference.conv2d(x, w, s.strideH(), s.strideW(), s.padH(), s.padW(), s.dilationH(), s.dilationW());
            HostTensor dy = single ? random(y.shape(), 3).roundedToFloat() : random(y.shape(), 3);
            ConvolutionReference.Gradients expected = ConvolutionReference.conv2dGradients(x, w, dy, s.strideH(), s.strideW(),
                    s.padH(), s.padW(), s.dilationH(), s.dilationW());
            Params at = Params.builder().add("x", x.on(b, dtype)).add("w", w.on(b, dtype)).build();
            Params g = AD.vjp(p -> Params.of(Ops.conv2d(p.get("x"), p.get("w"), s)), at).pullback(Params.of(dy.on(b, dtype)));
            double u = single ? 0x1p-24 : 0x1p-53;
            assertWithinSummationBound(c + " " + dtype + " input gradient", expected.dx(), expected.dxMagnitude(), expected.dxTerms(), u, g.get("x"));
            assertWithinSummationBound(c + " " + dtype + " weight gradient", expected.dw(), expected.dwMagnitude(), expected.dwTerms(), u, g.get("w"));
        }
    }

    /**
     * conv2d's value and gradients do not depend on the number of CPU threads: LeNet-sized
     * convolutions on 1 and 2 threads agree bit for bit (the implicit GEMM splits output rows over
     * threads and adds the rows' shares in a fixed order).
     */
    @Test
    void conv2dIsTheSameOnOneAndTwoThreads() {
        for (Case c : cases().subList(0, 2)) {
            HostTensor x = random(c.input().withDim(0, 37), 4), w = random(c.weights(), 5);
            for (DType dtype : DType.values()) {
                double[][] first = valueAndGradients(ONE_THREAD, dtype, x, w, c.spec()), second = valueAndGradients(TWO_THREADS, dtype, x, w, c.spec());
                for (int i = 0; i < first.length; i++)
                    assertArrayEquals(first[i], second[i], c + " " + dtype + ": part " + i + " differs between 1 and 2 threads");
            }
        }
    }

    /**
     * No cases, no input channels or no filters: conv2d is a sum over nothing, so its value and
     * gradients are zeros of the right shapes, at stride 1 (the CPU's implicit GEMM) and 2 (the
     * im2col lowering), on every backend.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void emptyExtentsGiveZeros(Backend b) {
        Shape[][] cases = {{Shape.of(0, 2, 6, 6), Shape.of(3, 2, 3, 3)}, {Shape.of(2, 0, 6, 6), Shape.of(3, 0, 3, 3)},
                {Shape.of(2, 2, 6, 6), Shape.of(0, 2, 3, 3)}};
        for (Shape[] c : cases)
            for (ConvSpec s : List.of(ConvSpec.of(1, 1, 1), ConvSpec.of(2, 1, 1))) {
                Params at = Params.builder().add("x", random(c[0], 6).on(b, DType.FLOAT64)).add("w", random(c[1], 7).on(b, DType.FLOAT64)).build();
                Vjp vjp = AD.vjp(p -> Params.of(Ops.conv2d(p.get("x"), p.get("w"), s)), at);
                Tensor y = vjp.value().get(0);
                int out = (6 + 2 - 3) / s.strideH() + 1;
                assertEquals(Shape.of(c[0].dim(0), c[1].dim(0), out, out), y.shape(), c[0] + " * " + c[1]);
                Params g = vjp.pullback(Params.of(Ops.onesLike(y)));
                for (double v : y.toDoubleArray()) assertEquals(0.0, v);
                for (double v : g.get("x").toDoubleArray()) assertEquals(0.0, v);
                for (double v : g.get("w").toDoubleArray()) assertEquals(0.0, v);
                assertEquals(c[0], g.get("x").shape());
                assertEquals(c[1], g.get("w").shape());
            }
    }

    private static double[][] valueAndGradients(Backend b, DType dtype, HostTensor x, HostTensor w, ConvSpec s) {
        Params at = Params.builder().add("x", x.on(b, dtype)).add("w", w.on(b, dtype)).build();
        Vjp vjp = AD.vjp(p -> Params.of(Ops.tanh(Ops.conv2d(p.get("x"), p.get("w"), s))), at);
        Params g = vjp.pullback(vjp.value());
        return new double[][]{vjp.value().get(0).toDoubleArray(), g.get("x").toDoubleArray(), g.get("w").toDoubleArray()};
    }

    private static void assertWithinSummationBound(String what, HostTensor expected, HostTensor magnitude, int terms, double u, Tensor actual) {
        assertEquals(expected.shape(), actual.shape(), what + ": shape");
        double[] a = actual.toDoubleArray();
        for (int i = 0; i < a.length; i++) {
            double allowed = (terms + 1) * u * magnitude.values()[i];
            if (!(Math.abs(a[i] - expected.values()[i]) <= allowed))
                throw new AssertionError(what + ": element " + i + " is " + a[i] + ", expected " + expected.values()[i]
                        + " (|difference| " + Math.abs(a[i] - expected.values()[i]) + " > " + allowed + ")");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void poolingMatchesNestedLoops(Backend b) {
        HostTensor x = random(Shape.of(3, 6, 24, 24), 3);
        for (DType dtype : DType.values()) {
            HostTensor xd = dtype == DType.FLOAT32 ? x.roundedToFloat() : x;
            double tol = dtype == DType.FLOAT32 ? FLOAT32_RTOL : FLOAT64_RTOL;
            Tensor on = xd.on(b, dtype);
            Approx.assertClose("max 2/2 " + dtype, ConvolutionReference.maxPool2d(xd, 2, 2), Ops.maxPool2d(on, 2, 2), tol);
            Approx.assertClose("max 3/2 " + dtype, ConvolutionReference.maxPool2d(xd, 3, 2), Ops.maxPool2d(on, 3, 2), tol);
            Approx.assertClose("avg 2/2 " + dtype, ConvolutionReference.avgPool2d(xd, 2, 2), Ops.avgPool2d(on, 2, 2), tol);
            Approx.assertClose("avg 5/3 " + dtype, ConvolutionReference.avgPool2d(xd, 5, 3), Ops.avgPool2d(on, 5, 3), tol);
        }
    }

    static HostTensor random(Shape s, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) v[i] = r.nextDouble(-1, 1);
        return new HostTensor(s, v);
    }
}
