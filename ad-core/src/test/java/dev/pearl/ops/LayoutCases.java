package dev.pearl.ops;

import dev.pearl.Ops;
import dev.pearl.check.Checker;
import dev.pearl.check.PearlArbitraries;
import dev.pearl.check.Tolerance;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import dev.pearl.testing.HostTensor;
import dev.pearl.testing.Reference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Ops that move, copy or convert elements: transpose, reshape, broadcastTo, slice, concat, cast. */
final class LayoutCases {
    private LayoutCases() {
    }

    static List<OpCase> all() {
        return List.of(transposeReversed(), transposePermuted(), reshape(), broadcastTo(), slice(),
                concat("concat(List,int)", false), concat("concat(int,Tensor[])", true), cast());
    }

    private static OpCase transposeReversed() {
        String sig = "transpose(Tensor)";
        return new OpCase(sig, PearlArbitraries.shapes(0, 4, 3).flatMap(Domain.ANY::tensor).map(x -> {
            int[] rev = new int[x.shape().rank()];
            for (int i = 0; i < rev.length; i++) rev[i] = rev.length - 1 - i;
            return new OpInstance(sig, "", List.of(x), in -> Ops.transpose(in.get(0)), in -> Reference.transpose(in.get(0), rev));
        }));
    }

    private static OpCase transposePermuted() {
        String sig = "transpose(Tensor,int[])";
        Arbitrary<OpInstance> instances = PearlArbitraries.shapes(2, 4, 3).flatMap(s -> Combinators.combine(
                Arbitraries.shuffle(axes(s.rank())), Domain.ANY.tensor(s)).as((p, x) -> {
            int[] perm = p.stream().mapToInt(Integer::intValue).toArray();
            return new OpInstance(sig, "perm=" + Arrays.toString(perm), List.of(x),
                    in -> Ops.transpose(in.get(0), perm), in -> Reference.transpose(in.get(0), perm));
        }));
        return new OpCase(sig, instances);
    }

    /** Targets of equal size: flattened, dimensions reversed, one dimension inferred (-1), a unit axis added. */
    private static OpCase reshape() {
        String sig = "reshape(Tensor,int[])";
        Arbitrary<OpInstance> instances = PearlArbitraries.shapes(0, 3, 3).flatMap(s -> Combinators.combine(
                Arbitraries.integers().between(0, 3), Domain.ANY.tensor(s)).as((mode, x) -> {
            int[] target = reshapeTarget(s, mode);
            Shape resolved = Shape.of(resolve(target, s.size()));
            return new OpInstance(sig, "to " + Arrays.toString(target), List.of(x),
                    in -> Ops.reshape(in.get(0), target), in -> Reference.reshape(in.get(0), resolved));
        }));
        return new OpCase(sig, instances);
    }

    private static int[] reshapeTarget(Shape s, int mode) {
        int[] d = s.dims();
        switch (mode) {
            case 0: return new int[]{s.size()};
            case 1: {
                int[] r = new int[d.length];
                for (int i = 0; i < d.length; i++) r[i] = d[d.length - 1 - i];
                return r;
            }
            case 2: return d.length == 0 ? new int[]{-1} : new int[]{-1, d[d.length - 1]};
            default: {
                int[] r = new int[d.length + 1];
                r[0] = 1;
                System.arraycopy(d, 0, r, 1, d.length);
                return r;
            }
        }
    }

    private static int[] resolve(int[] target, int size) {
        int known = 1;
        for (int t : target) if (t != -1) known *= t;
        int[] r = target.clone();
        for (int i = 0; i < r.length; i++) if (r[i] == -1) r[i] = size / known;
        return r;
    }

    private static OpCase broadcastTo() {
        String sig = "broadcastTo(Tensor,int[])";
        Arbitrary<OpInstance> instances = PearlArbitraries.broadcastablePair(3, 3).flatMap(pair -> Domain.ANY.tensor(pair.first()).map(x -> {
            Shape target = pair.broadcast();
            return new OpInstance(sig, "to " + target, List.of(x),
                    in -> Ops.broadcastTo(in.get(0), target.dims()), in -> Reference.broadcastTo(in.get(0), target));
        }));
        return new OpCase(sig, instances);
    }

    /** A non-empty range [start, end) along an axis given as a positive or a negative index. */
    private static OpCase slice() {
        String sig = "slice(Tensor,int,int,int)";
        Arbitrary<OpInstance> instances = PearlArbitraries.shapes(1, 4, 4).flatMap(s -> Arbitraries.integers().between(0, s.rank() - 1).flatMap(axis ->
                Combinators.combine(Arbitraries.integers().between(0, s.dim(axis) - 1), Arbitraries.integers().between(1, s.dim(axis)),
                        Arbitraries.of(false, true), Domain.ANY.tensor(s)).as((a, b, negative, x) -> {
                    int start = Math.min(a, b - 1), end = Math.max(a + 1, b);
                    int ax = negative ? axis - s.rank() : axis;
                    return new OpInstance(sig, "axis=" + ax + " [" + start + "," + end + ")", List.of(x),
                            in -> Ops.slice(in.get(0), ax, start, end), in -> Reference.slice(in.get(0), ax, start, end));
                })));
        return new OpCase(sig, instances);
    }

    /** 2 or 3 parts that differ only along the concatenation axis. */
    private static OpCase concat(String sig, boolean varargs) {
        Arbitrary<OpInstance> instances = PearlArbitraries.shapes(1, 3, 3).flatMap(s -> Arbitraries.integers().between(0, s.rank() - 1).flatMap(axis ->
                Arbitraries.integers().between(1, 3).list().ofMinSize(2).ofMaxSize(3).flatMap(lengths -> {
                    List<Arbitrary<HostTensor>> parts = new ArrayList<>();
                    for (int len : lengths) parts.add(Domain.ANY.tensor(s.withDim(axis, len)));
                    return Combinators.combine(parts).as(xs -> new OpInstance(sig, "axis=" + axis, xs,
                            in -> varargs ? Ops.concat(axis, in.toArray(new Tensor[0])) : Ops.concat(in, axis),
                            in -> Reference.concat(in, axis)));
                })));
        return new OpCase(sig, instances);
    }

    /**
     * cast to float32 and back around a square, so derivatives pass through both directions of
     * cast. float32 rounding (~6e-8) needs a larger difference step and looser tolerances. The
     * Hessian check differentiates the scalarisation sum(y·w) + ½·sum(y²), which is quartic in x
     * here: central differences of its gradient err by 2·δ²·v per element, where δ, the distance
     * an element moves, is at most 3e-3·max(1, |x|∞) = 6e-3; for |v| up to 5 that is 3.6e-4, and
     * the absolute tolerance must cover it. A wrong rule is still off by the whole product.
     */
    private static OpCase cast() {
        String sig = "cast(Tensor,DType)";
        Checker checker = Checker.defaults().withRelativeStep(3e-3)
                .withFiniteDifferenceTolerance(new Tolerance(1e-3, 5e-4))
                .withRoundingTolerance(new Tolerance(1e-5, 1e-8));
        Arbitrary<OpInstance> instances = ElementwiseCases.shapes().flatMap(Domain.ANY::tensor).map(x -> new OpInstance(sig, "float64 -> float32 -> square -> float64", List.of(x),
                in -> Ops.cast(Ops.square(Ops.cast(in.get(0), DType.FLOAT32)), DType.FLOAT64),
                in -> Reference.map(in.get(0), v -> (float) ((double) (float) v * (float) v)), checker));
        return new OpCase(sig, instances);
    }

    private static List<Integer> axes(int rank) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < rank; i++) l.add(i);
        return l;
    }
}
