package dev.pearl.ops;

import dev.pearl.Ops;
import dev.pearl.check.PearlArbitraries;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import dev.pearl.testing.HostTensor;
import dev.pearl.testing.Reference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.IntStream;

/** sum, mean, max over axes (with and without keepDims), logSumExp, logisticCrossEntropy, softmax, logSoftmax. */
final class ReductionCases {
    private ReductionCases() {
    }

    /** How an {@code Ops} reduction over axes is called and computed by the reference. */
    private interface AxesOp {
        Tensor apply(Tensor x, boolean keepDims, int[] axes);
    }

    private interface AxesReference {
        HostTensor apply(HostTensor x, int[] axes, boolean keepDims);
    }

    static List<OpCase> all() {
        return List.of(
                overAll("sum(Tensor)", Ops::sum, Reference::sum),
                overAll("mean(Tensor)", Ops::mean, Reference::mean),
                overAxes("sum(Tensor,int[])", (x, keep, axes) -> Ops.sum(x, axes), Reference::sum, false, Domain::tensor),
                overAxes("sum(Tensor,boolean,int[])", Ops::sum, Reference::sum, true, Domain::tensor),
                overAxes("mean(Tensor,int[])", (x, keep, axes) -> Ops.mean(x, axes), Reference::mean, false, Domain::tensor),
                overAxes("mean(Tensor,boolean,int[])", Ops::mean, Reference::mean, true, Domain::tensor),
                overAxes("max(Tensor,boolean,int[])", Ops::max, Reference::max, true, Domain::tieFreeTensor),
                overAxis("logSumExp(Tensor,int,boolean)", (x, keep, axes) -> Ops.logSumExp(x, axes[0], keep),
                        (x, axes, keep) -> Reference.logSumExp(x, axes[0], keep), true),
                logisticCrossEntropy(),
                overAxis("softmax(Tensor,int)", (x, keep, axes) -> Ops.softmax(x, axes[0]), (x, axes, keep) -> Reference.softmax(x, axes[0]), false),
                overAxis("logSoftmax(Tensor,int)", (x, keep, axes) -> Ops.logSoftmax(x, axes[0]), (x, axes, keep) -> Reference.logSoftmax(x, axes[0]), false));
    }

    /** Logits of any sign against targets of one shape, rank 0 (a scalar) included. */
    private static OpCase logisticCrossEntropy() {
        String sig = "logisticCrossEntropy(Tensor,Tensor)";
        Arbitrary<OpInstance> instances = PearlArbitraries.shapes(0, 4, 3).flatMap(s -> Combinators.combine(Domain.WIDE.tensor(s), Domain.ANY.tensor(s))
                .as((z, y) -> new OpInstance(sig, "", List.of(z, y), in -> Ops.logisticCrossEntropy(in.get(0), in.get(1)),
                        in -> Reference.sum(Reference.zip(in.get(0), in.get(1), (zi, yi) -> Math.log1p(Math.exp(zi)) - yi * zi),
                                allAxes(in.get(0).shape().rank()), false))));
        return new OpCase(sig, instances);
    }

    private static OpCase overAll(String sig, Function<Tensor, Tensor> op, AxesReference ref) {
        Arbitrary<OpInstance> instances = PearlArbitraries.shapes(0, 4, 3).flatMap(Domain.ANY::tensor).map(x -> new OpInstance(sig, "", List.of(x),
                in -> op.apply(in.get(0)), in -> ref.apply(in.get(0), allAxes(in.get(0).shape().rank()), false)));
        return new OpCase(sig, instances);
    }

    /**
     * A non-empty set of axes, each written as a positive or a negative index, and keepDims
     * either way when the signature takes it.
     */
    private static OpCase overAxes(String sig, AxesOp op, AxesReference ref, boolean takesKeepDims, BiFunction<Domain, Shape, Arbitrary<HostTensor>> values) {
        Arbitrary<OpInstance> instances = PearlArbitraries.shapes(1, 4, 3).flatMap(s -> Combinators.combine(
                Arbitraries.of(false, true).list().ofSize(s.rank()).filter(l -> l.contains(true)),
                Arbitraries.of(false, true).list().ofSize(s.rank()),
                takesKeepDims ? Arbitraries.of(false, true) : Arbitraries.just(false),
                values.apply(Domain.ANY, s)).as((chosen, negative, keep, x) -> {
            int[] axes = IntStream.range(0, s.rank()).filter(chosen::get)
                    .map(a -> negative.get(a) ? a - s.rank() : a).toArray();
            return new OpInstance(sig, "axes=" + Arrays.toString(axes) + (keep ? " keepDims" : ""), List.of(x),
                    in -> op.apply(in.get(0), keep, axes), in -> ref.apply(in.get(0), axes, keep));
        }));
        return new OpCase(sig, instances);
    }

    /** One axis (positive or negative index), on inputs up to [4,4,4]. */
    private static OpCase overAxis(String sig, AxesOp op, AxesReference ref, boolean takesKeepDims) {
        Arbitrary<OpInstance> instances = PearlArbitraries.shapes(1, 3, 4).flatMap(s -> Combinators.combine(
                Arbitraries.integers().between(-s.rank(), s.rank() - 1),
                takesKeepDims ? Arbitraries.of(false, true) : Arbitraries.just(false),
                Domain.ANY.tensor(s)).as((axis, keep, x) -> new OpInstance(sig, "axis=" + axis + (keep ? " keepDims" : ""), List.of(x),
                in -> op.apply(in.get(0), keep, new int[]{axis}), in -> ref.apply(in.get(0), new int[]{axis}, keep))));
        return new OpCase(sig, instances);
    }

    private static int[] allAxes(int rank) {
        int[] a = new int[rank];
        for (int i = 0; i < rank; i++) a[i] = i;
        return a;
    }
}
