package dev.pearl.ops;

import dev.pearl.Ops;
import dev.pearl.tensor.ConvSpec;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import dev.pearl.testing.ConvolutionReference;
import dev.pearl.testing.HostTensor;
import dev.pearl.testing.Reference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * conv2d (plain, and with strides, paddings and dilations that differ per axis), max and average
 * pooling, on inputs of up to [2,2,6,6], against direct nested-loop references; the cases-last
 * forms on the same inputs transposed to [C, H, W, batch], against the references transposed.
 */
final class ConvolutionCases {
    private static final int[] CASES_LAST = {1, 2, 3, 0}, CASES_FIRST = {3, 0, 1, 2};

    private ConvolutionCases() {
    }

    /** An NCHW op and its reference as the cases-last op: inputs and outputs transposed. */
    private static OpInstance casesLast(String sig, String params, HostTensor x, List<HostTensor> rest,
                                        Function<List<Tensor>, Tensor> op,
                                        Function<List<HostTensor>, HostTensor> nchwReference) {
        List<HostTensor> inputs = new ArrayList<>(List.of(Reference.transpose(x, CASES_LAST)));
        inputs.addAll(rest);
        return new OpInstance(sig, params, inputs, op, in -> {
            List<HostTensor> nchw = new ArrayList<>(in);
            nchw.set(0, Reference.transpose(in.get(0), CASES_FIRST));
            return Reference.transpose(nchwReference.apply(nchw), CASES_LAST);
        });
    }

    static List<OpCase> all() {
        return List.of(conv2d("conv2d(Tensor,Tensor)", false, false), conv2d("conv2d(Tensor,Tensor,ConvSpec)", true, false),
                conv2d("conv2dCasesLast(Tensor,Tensor,ConvSpec)", true, true), pool(true), pool(false),
                paddedPool(true, false), paddedPool(false, false), paddedPool(true, true), paddedPool(false, true));
    }

    private static OpCase conv2d(String sig, boolean withSpec, boolean casesLast) {
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
                            .as((x, wt) -> {
                                Function<List<HostTensor>, HostTensor> reference = in -> ConvolutionReference.conv2d(in.get(0), in.get(1),
                                        spec.strideH(), spec.strideW(), spec.padH(), spec.padW(), spec.dilationH(), spec.dilationW());
                                if (casesLast)
                                    return casesLast(sig, spec.toString(), x, List.of(wt), in -> Ops.conv2dCasesLast(in.get(0), in.get(1), spec), reference);
                                return new OpInstance(sig, withSpec ? spec.toString() : "", List.of(x, wt),
                                        in -> withSpec ? Ops.conv2d(in.get(0), in.get(1), spec) : Ops.conv2d(in.get(0), in.get(1)), reference);
                            }));
        });
        return new OpCase(sig, instances);
    }

    /**
     * The values -2 + 4(i + ½)/n for i < n in shuffled order: no two closer than 4/n, so no small
     * step of a difference quotient changes which element is a window's maximum.
     */
    private static Arbitrary<HostTensor> distinct(Shape shape) {
        int n = shape.size();
        List<Double> grid = new ArrayList<>();
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
    private static OpCase paddedPool(boolean max, boolean casesLast) {
        String sig = (max ? "maxPool2d" : "avgPool2d") + (casesLast ? "CasesLast" : "") + "(Tensor,int,int,int)";
        Arbitrary<Integer> small = Arbitraries.integers().between(1, 2);
        Arbitrary<Integer> window = Arbitraries.integers().between(2, 4);
        Arbitrary<OpInstance> instances = Combinators.combine(small, small, window, Arbitraries.integers().between(1, 3), Arbitraries.of(true, false))
                .flatAs((batch, channels, k, s, negative) -> Arbitraries.integers().between(0, k / 2).flatMap(pad ->
                        Combinators.combine(Arbitraries.integers().between(Math.max(1, k - 2 * pad), k + 2), Arbitraries.integers().between(Math.max(1, k - 2 * pad), k + 2))
                                .flatAs((h, w) -> {
                                    Shape shape = Shape.of(batch, channels, h, w);
                                    Arbitrary<HostTensor> xs = max ? distinct(shape).map(x -> negative ? shifted(x, -3) : x) : Domain.ANY.tensor(shape);
                                    String params = "window=" + k + " stride=" + s + " padding=" + pad;
                                    Function<List<HostTensor>, HostTensor> reference = in -> max
                                            ? ConvolutionReference.maxPool2d(in.get(0), k, s, pad) : ConvolutionReference.avgPool2d(in.get(0), k, s, pad);
                                    if (casesLast)
                                        return xs.map(x -> casesLast(sig, params, x, List.of(),
                                                in -> max ? Ops.maxPool2dCasesLast(in.get(0), k, s, pad) : Ops.avgPool2dCasesLast(in.get(0), k, s, pad), reference));
                                    return xs.map(x -> new OpInstance(sig, params, List.of(x),
                                            in -> max ? Ops.maxPool2d(in.get(0), k, s, pad) : Ops.avgPool2d(in.get(0), k, s, pad), reference));
                                })));
        return new OpCase(sig, instances);
    }

    private static HostTensor shifted(HostTensor x, double by) {
        double[] v = x.values().clone();
        for (int i = 0; i < v.length; i++) v[i] += by;
        return new HostTensor(x.shape(), v);
    }
}
