package dev.pearl.ops;

import dev.pearl.Ops;
import dev.pearl.tensor.ConvSpec;
import dev.pearl.tensor.Shape;
import dev.pearl.testing.ConvolutionReference;
import dev.pearl.testing.HostTensor;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;

/**
 * conv2d (plain, and with strides, paddings and dilations that differ per axis), max and average
 * pooling, on inputs of up to [2,2,6,6], against direct nested-loop references.
 */
final class ConvolutionCases {
    private ConvolutionCases() {
    }

    static List<OpCase> all() {
        return List.of(conv2d("conv2d(Tensor,Tensor)", false), conv2d("conv2d(Tensor,Tensor,ConvSpec)", true), pool(true), pool(false),
                paddedPool(true), paddedPool(false));
    }

    private static OpCase conv2d(String sig, boolean withSpec) {
        Arbitrary<Integer> small = Arbitraries.integers().between(1, 2);
        Arbitrary<Integer> kernel = Arbitraries.integers().between(1, 3);
        Arbitrary<ConvSpec> specs = withSpec
                ? Combinators.combine(small, small, Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 1), small, small).as(ConvSpec::new)
                : Arbitraries.just(ConvSpec.DEFAULT);
        Arbitrary<OpInstance> instances = Combinators.combine(small, small, small, kernel, kernel, specs).flatAs((batch, channels, out, kh, kw, spec) -> {
            int minH = Math.max(1, spec.dilationH() * (kh - 1) + 1 - 2 * spec.padH());
            int minW = Math.max(1, spec.dilationW() * (kw - 1) + 1 - 2 * spec.padW());
            return Combinators.combine(Arbitraries.integers().between(minH, Math.max(minH, 6)), Arbitraries.integers().between(minW, Math.max(minW, 6)))
                    .flatAs((h, w) -> Combinators.combine(Domain.ANY.tensor(Shape.of(batch, channels, h, w)), Domain.ANY.tensor(Shape.of(out, channels, kh, kw)))
                            .as((x, wt) -> new OpInstance(sig, withSpec ? spec.toString() : "", List.of(x, wt),
                                    in -> withSpec ? Ops.conv2d(in.get(0), in.get(1), spec) : Ops.conv2d(in.get(0), in.get(1)),
                                    in -> ConvolutionReference.conv2d(in.get(0), in.get(1), spec.strideH(), spec.strideW(), spec.padH(), spec.padW(),
                                            spec.dilationH(), spec.dilationW()))));
        });
        return new OpCase(sig, instances);
    }

    /**
     * The values -2 + 4(i + ½)/n for i < n in shuffled order: no two closer than 4/n, so no small
     * step of a difference quotient changes which element is a window's maximum.
     */
    private static Arbitrary<HostTensor> distinct(Shape shape) {
        int n = shape.size();
        List<Double> grid = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) grid.add(-2 + 4 * (i + 0.5) / n);
        return Arbitraries.shuffle(grid).map(l -> new HostTensor(shape, l.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    /** Windows of 1..3 pixels every 1..3 pixels; max pooling on distinct values (a unique maximum per window). */
    private static OpCase pool(boolean max) {
        String sig = max ? "maxPool2d(Tensor,int,int)" : "avgPool2d(Tensor,int,int)";
        Arbitrary<Integer> small = Arbitraries.integers().between(1, 2);
        Arbitrary<Integer> window = Arbitraries.integers().between(1, 3);
        Arbitrary<OpInstance> instances = Combinators.combine(small, small, window, window).flatAs((batch, channels, k, s) ->
                Combinators.combine(Arbitraries.integers().between(k, k + 3), Arbitraries.integers().between(k, k + 3)).flatAs((h, w) -> {
                    Shape shape = Shape.of(batch, channels, h, w);
                    return (max ? distinct(shape) : Domain.ANY.tensor(shape)).map(x ->
                            new OpInstance(sig, "window=" + k + " stride=" + s, List.of(x),
                                    in -> max ? Ops.maxPool2d(in.get(0), k, s) : Ops.avgPool2d(in.get(0), k, s),
                                    in -> max ? ConvolutionReference.maxPool2d(in.get(0), k, s) : ConvolutionReference.avgPool2d(in.get(0), k, s)));
                }));
        return new OpCase(sig, instances);
    }

    /**
     * Windows of 2..4 pixels every 1..3 pixels padded by 0..k/2 on each side; max pooling on distinct
     * values, all negative in some cases so that a padded zero would win if it were taken.
     */
    private static OpCase paddedPool(boolean max) {
        String sig = max ? "maxPool2d(Tensor,int,int,int)" : "avgPool2d(Tensor,int,int,int)";
        Arbitrary<Integer> small = Arbitraries.integers().between(1, 2);
        Arbitrary<Integer> window = Arbitraries.integers().between(2, 4);
        Arbitrary<OpInstance> instances = Combinators.combine(small, small, window, Arbitraries.integers().between(1, 3), Arbitraries.of(true, false))
                .flatAs((batch, channels, k, s, negative) -> Arbitraries.integers().between(0, k / 2).flatMap(pad ->
                        Combinators.combine(Arbitraries.integers().between(Math.max(1, k - 2 * pad), k + 2), Arbitraries.integers().between(Math.max(1, k - 2 * pad), k + 2))
                                .flatAs((h, w) -> {
                                    Shape shape = Shape.of(batch, channels, h, w);
                                    Arbitrary<HostTensor> xs = max ? distinct(shape).map(x -> negative ? shifted(x, -3) : x) : Domain.ANY.tensor(shape);
                                    return xs.map(x -> new OpInstance(sig, "window=" + k + " stride=" + s + " padding=" + pad, List.of(x),
                                            in -> max ? Ops.maxPool2d(in.get(0), k, s, pad) : Ops.avgPool2d(in.get(0), k, s, pad),
                                            in -> max ? ConvolutionReference.maxPool2d(in.get(0), k, s, pad) : ConvolutionReference.avgPool2d(in.get(0), k, s, pad)));
                                })));
        return new OpCase(sig, instances);
    }

    private static HostTensor shifted(HostTensor x, double by) {
        double[] v = x.values().clone();
        for (int i = 0; i < v.length; i++) v[i] += by;
        return new HostTensor(x.shape(), v);
    }
}
