package dev.pearl.ops;

import dev.pearl.Ops;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Index;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import dev.pearl.testing.Approx;
import dev.pearl.testing.HostTensor;
import dev.pearl.testing.IndexReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Gather and scatter-add at sizes that split rows over threads and work-items (short and long
 * rows, single elements and blocks): each against the element-by-element reference, and the two
 * adjoint, {@code <gather(x), g> = <x, scatterAdd(g)>}, to rounding.
 */
class GatherAdjointnessTest {
    /** [outer, size, inner] views and index lengths: many short rows, one long row, wide blocks. */
    record Layout(int outer, int size, int inner, int count) {
        @Override
        public String toString() {
            return "[" + outer + "," + size + "," + inner + "] by " + count + " ids";
        }
    }

    static List<Object[]> backendsAndLayouts() {
        List<Layout> layouts = List.of(new Layout(300, 49, 1, 160), new Layout(1, 3000, 1, 40000),
                new Layout(2, 500, 24, 3000), new Layout(1, 7, 1, 9), new Layout(3, 1, 5, 4));
        List<Object[]> l = new ArrayList<>();
        for (Backend b : dev.pearl.testing.TestBackends.all()) for (Layout y : layouts) l.add(new Object[]{b, y});
        return l;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("backendsAndLayouts")
    void gatherAndScatterAddMatchTheReferenceAndAreAdjoint(Backend b, Layout y) {
        SplittableRandom r = new SplittableRandom(y.hashCode());
        int[] ids = new int[y.count()];
        for (int i = 0; i < ids.length; i++) ids[i] = r.nextInt(10) == 0 ? -1 : r.nextInt(y.size());
        Index index = Index.of(ids);
        HostTensor x = random(Shape.of(y.outer(), y.size(), y.inner()), r);
        HostTensor g = random(Shape.of(y.outer(), y.count(), y.inner()), r);
        for (DType dtype : DType.values()) {
            HostTensor xd = dtype == DType.FLOAT32 ? x.roundedToFloat() : x, gd = dtype == DType.FLOAT32 ? g.roundedToFloat() : g;
            Tensor gathered = Ops.gather(xd.on(b, dtype), 1, index);
            Tensor scattered = Ops.scatterAdd(gd.on(b, dtype), 1, index, y.size());
            double sumTol = dtype == DType.FLOAT32 ? 1e-5 : 1e-13;
            Approx.assertClose("gather " + dtype, IndexReference.gather(xd, 1, index), gathered, 0);
            Approx.assertClose("scatterAdd " + dtype, IndexReference.scatterAdd(gd, 1, index, y.size()), scattered, sumTol);
            double left = dot(gathered.toDoubleArray(), gd.values()), right = dot(xd.values(), scattered.toDoubleArray());
            double scale = norm(gathered.toDoubleArray()) * norm(gd.values()) + norm(xd.values()) * norm(scattered.toDoubleArray());
            assertEquals(left, right, sumTol * scale, dtype + ": <gather(x), g> vs <x, scatterAdd(g)>");
        }
    }

    private static HostTensor random(Shape s, SplittableRandom r) {
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) v[i] = r.nextDouble(-1, 1);
        return new HostTensor(s, v);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
