package dev.pearl.ops;

import dev.pearl.Ops;
import dev.pearl.check.PearlArbitraries;
import dev.pearl.tensor.Index;
import dev.pearl.tensor.Shape;
import dev.pearl.testing.IndexReference;
import dev.pearl.testing.Reference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;

/**
 * gather (with an index or a list of ids), take and scatterAdd. Ids repeat and include -1 (a
 * zero slice, a dropped value), so the scatter-adds inside the VJPs sum several cotangents into
 * one place and skip others.
 */
final class IndexingCases {
    private IndexingCases() {
    }

    static List<OpCase> all() {
        return List.of(gather(), gatherList(), take(), scatterAdd());
    }

    private static OpCase gather() {
        String sig = "gather(Tensor,int,Index)";
        Arbitrary<OpInstance> instances = PearlArbitraries.shapes(1, 3, 4).flatMap(s -> Combinators.combine(
                Arbitraries.integers().between(-s.rank(), s.rank() - 1),
                PearlArbitraries.shapes(1, Math.min(2, Shape.MAX_RANK + 1 - s.rank()), 3),
                Domain.ANY.tensor(s)).flatAs((axis, idShape, x) -> ids(idShape, s.dim(axis < 0 ? axis + s.rank() : axis)).map(ids ->
                new OpInstance(sig, "axis=" + axis + " ids=" + ids, List.of(x),
                        in -> Ops.gather(in.get(0), axis, ids), in -> IndexReference.gather(in.get(0), axis, ids)))));
        return new OpCase(sig, instances);
    }

    private static OpCase gatherList() {
        String sig = "gather(Tensor,int,int[])";
        Arbitrary<OpInstance> instances = PearlArbitraries.shapes(1, 3, 4).flatMap(s -> Combinators.combine(
                Arbitraries.integers().between(0, s.rank() - 1), Arbitraries.integers().between(1, 5), Domain.ANY.tensor(s))
                .flatAs((axis, n, x) -> ids(Shape.of(n), s.dim(axis)).map(ids -> {
                    int[] list = ids.toArray();
                    return new OpInstance(sig, "axis=" + axis + " ids=" + ids, List.of(x),
                            in -> Ops.gather(in.get(0), axis, list), in -> IndexReference.gather(in.get(0), axis, ids));
                })));
        return new OpCase(sig, instances);
    }

    /** Flat positions of x, shaped as a 1-D or 2-D index. */
    private static OpCase take() {
        String sig = "take(Tensor,Index)";
        Arbitrary<OpInstance> instances = PearlArbitraries.shapes(0, 3, 3).flatMap(s -> Combinators.combine(
                PearlArbitraries.shapes(1, 2, 4), Domain.ANY.tensor(s)).flatAs((idShape, x) -> ids(idShape, s.size()).map(ids ->
                new OpInstance(sig, "ids=" + ids, List.of(x),
                        in -> Ops.take(in.get(0), ids), in -> IndexReference.gather(Reference.reshape(in.get(0), Shape.of(s.size())), 0, ids)))));
        return new OpCase(sig, instances);
    }

    /** Values shaped like a gather's result, summed back into an axis of the original size. */
    private static OpCase scatterAdd() {
        String sig = "scatterAdd(Tensor,int,Index,int)";
        Arbitrary<OpInstance> instances = PearlArbitraries.shapes(1, 3, 4).flatMap(s -> Combinators.combine(
                Arbitraries.integers().between(0, s.rank() - 1),
                PearlArbitraries.shapes(1, Math.min(2, Shape.MAX_RANK + 1 - s.rank()), 4)).flatAs((axis, idShape) -> {
            int size = s.dim(axis);
            Shape g = withAxisReplaced(s, axis, idShape);
            return Combinators.combine(ids(idShape, size), Domain.ANY.tensor(g)).as((ids, values) ->
                    new OpInstance(sig, "axis=" + axis + " size=" + size + " ids=" + ids, List.of(values),
                            in -> Ops.scatterAdd(in.get(0), axis, ids, size), in -> IndexReference.scatterAdd(in.get(0), axis, ids, size)));
        }));
        return new OpCase(sig, instances);
    }

    private static Shape withAxisReplaced(Shape s, int axis, Shape by) {
        int[] d = new int[s.rank() - 1 + by.rank()];
        int j = 0;
        for (int i = 0; i < axis; i++) d[j++] = s.dim(i);
        for (int i = 0; i < by.rank(); i++) d[j++] = by.dim(i);
        for (int i = axis + 1; i < s.rank(); i++) d[j++] = s.dim(i);
        return Shape.of(d);
    }

    /** An index of the given shape with values in [-1, size): repeats and -1 (none) included. */
    static Arbitrary<Index> ids(Shape shape, int size) {
        return Arbitraries.integers().between(-1, size - 1).list().ofSize(shape.size())
                .map(l -> Index.of(l.stream().mapToInt(Integer::intValue).toArray(), shape));
    }
}
