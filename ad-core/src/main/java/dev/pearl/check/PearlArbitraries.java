package dev.pearl.check;

import dev.pearl.Params;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.Backends;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * jqwik arbitraries for shapes, element values and float64 tensors. Everything is built from
 * jqwik's integer, double and list generators, so a failing property shrinks to fewer axes,
 * smaller dimensions and simpler values, and a run is reproduced by jqwik's reported seed.
 *
 * <p>See the {@link dev.pearl.check package documentation} for a complete property.
 */
public final class PearlArbitraries {
    /** Decimal places of generated values: enough variety, and shrunk values stay readable. */
    private static final int SCALE = 3;

    private PearlArbitraries() {
    }

    // ---------------------------------------------------------------- shapes

    /**
     * Shapes of rank 0..maxRank with dimensions 1..maxDim.
     *
     * @param maxRank the highest rank, at most {@link Shape#MAX_RANK}
     * @param maxDim the largest dimension, &gt;= 1
     * @return the generator
     * @throws IllegalArgumentException if a bound is out of range
     */
    public static Arbitrary<Shape> shapes(int maxRank, int maxDim) {
        return shapes(0, maxRank, maxDim);
    }

    /**
     * Shapes of rank minRank..maxRank with dimensions 1..maxDim; shrinks towards low rank and dimension 1.
     *
     * @param minRank the lowest rank, &gt;= 0
     * @param maxRank the highest rank, at most {@link Shape#MAX_RANK}
     * @param maxDim the largest dimension, &gt;= 1
     * @return the generator
     * @throws IllegalArgumentException if a bound is out of range
     */
    public static Arbitrary<Shape> shapes(int minRank, int maxRank, int maxDim) {
        if (minRank < 0 || maxRank > Shape.MAX_RANK || minRank > maxRank || maxDim < 1)
            throw new IllegalArgumentException("shapes: need 0 <= minRank <= maxRank <= " + Shape.MAX_RANK + " and maxDim >= 1, got "
                    + minRank + ", " + maxRank + ", " + maxDim);
        return Arbitraries.integers().between(1, maxDim).list().ofMinSize(minRank).ofMaxSize(maxRank)
                .map(PearlArbitraries::toShape);
    }

    /**
     * As {@link #shapes(int, int, int)}, keeping only shapes of at most maxSize elements.
     *
     * @param minRank the lowest rank, &gt;= 0
     * @param maxRank the highest rank, at most {@link Shape#MAX_RANK}
     * @param maxDim the largest dimension, &gt;= 1
     * @param maxSize the most elements a shape may have
     * @return the generator
     * @throws IllegalArgumentException if a bound is out of range
     */
    public static Arbitrary<Shape> shapes(int minRank, int maxRank, int maxDim, int maxSize) {
        return shapes(minRank, maxRank, maxDim).filter(s -> s.size() <= maxSize);
    }

    /**
     * Pairs of shapes that broadcast together: a shape of rank 0..maxRank, from which each side
     * drops some leading axes and sets some dimensions to 1. Shrinks towards equal shapes.
     *
     * @param maxRank the highest rank of the broadcast shape
     * @param maxDim the largest dimension
     * @return the generator
     */
    public static Arbitrary<ShapePair> broadcastablePair(int maxRank, int maxDim) {
        return broadcastable(2, maxRank, maxDim).map(l -> new ShapePair(l.get(0), l.get(1)));
    }

    /**
     * {@code count} shapes that all broadcast together (e.g. the three operands of {@code where}).
     *
     * @param count how many shapes
     * @param maxRank the highest rank of their broadcast shape
     * @param maxDim the largest dimension
     * @return the generator of lists of count shapes
     */
    public static Arbitrary<List<Shape>> broadcastable(int count, int maxRank, int maxDim) {
        return shapes(maxRank, maxDim).flatMap(full -> {
            List<Arbitrary<Shape>> sides = new ArrayList<>();
            for (int i = 0; i < count; i++) sides.add(broadcastingTo(full));
            return Combinators.combine(sides).as(l -> l);
        });
    }

    /**
     * Shapes that broadcast to {@code full}: leading axes dropped, some dimensions set to 1.
     *
     * @param full the shape to broadcast to
     * @return the generator
     */
    public static Arbitrary<Shape> broadcastingTo(Shape full) {
        int r = full.rank();
        Arbitrary<Integer> dropped = Arbitraries.integers().between(0, r);
        Arbitrary<List<Boolean>> ones = Arbitraries.of(false, true).list().ofSize(r);
        return Combinators.combine(dropped, ones).as((drop, unit) -> {
            int[] d = new int[r - drop];
            for (int i = drop; i < r; i++) d[i - drop] = unit.get(i) ? 1 : full.dim(i);
            return Shape.of(d);
        });
    }

    // ---------------------------------------------------------------- element values

    /**
     * Values uniformly spread over [lo, hi], shrinking towards 0 (or the bound nearest to it).
     *
     * @param lo the lowest value
     * @param hi the highest value
     * @return the generator, with 3 decimal places
     */
    public static Arbitrary<Double> uniform(double lo, double hi) {
        return Arbitraries.doubles().between(lo, hi).ofScale(SCALE);
    }

    /**
     * Values with min ≤ |x| ≤ max of either sign: for functions with a kink or pole at 0.
     *
     * @param min the smallest magnitude, &gt; 0 to avoid 0
     * @param max the largest magnitude
     * @return the generator
     */
    public static Arbitrary<Double> awayFromZero(double min, double max) {
        return Arbitraries.oneOf(uniform(min, max), uniform(-max, -min));
    }

    /**
     * The row-major elements of a tensor of the given shape.
     *
     * @param shape the tensor's shape
     * @param elements the generator of each element
     * @return the generator of arrays of shape.size() values
     */
    public static Arbitrary<double[]> values(Shape shape, Arbitrary<Double> elements) {
        return elements.list().ofSize(shape.size()).map(PearlArbitraries::toArray);
    }

    // ---------------------------------------------------------------- tensors and params

    /**
     * float64 tensors of the given shape with values in [lo, hi] on the default backend.
     *
     * @param shape the shape
     * @param lo the lowest value
     * @param hi the highest value
     * @return the generator
     */
    public static Arbitrary<Tensor> tensors(Shape shape, double lo, double hi) {
        return tensors(Backends.defaultBackend(), shape, uniform(lo, hi));
    }

    /**
     * float64 tensors of the given shape on the given backend.
     *
     * @param backend where the tensors live
     * @param shape the shape
     * @param elements the generator of each element
     * @return the generator
     */
    public static Arbitrary<Tensor> tensors(Backend backend, Shape shape, Arbitrary<Double> elements) {
        return values(shape, elements).map(v -> backend.fromArray(v, shape, DType.FLOAT64));
    }

    /**
     * float64 tensors of generated shapes on the given backend.
     *
     * @param backend where the tensors live
     * @param shapes the generator of shapes
     * @param elements the generator of each element
     * @return the generator
     */
    public static Arbitrary<Tensor> tensors(Backend backend, Arbitrary<Shape> shapes, Arbitrary<Double> elements) {
        return shapes.flatMap(s -> tensors(backend, s, elements));
    }

    /**
     * Params with the given names and shapes (in map order) filled with generated float64 values.
     *
     * @param backend where the tensors live
     * @param shapes each tensor's name and shape
     * @param elements the generator of each element
     * @return the generator
     */
    public static Arbitrary<Params> params(Backend backend, Map<String, Shape> shapes, Arbitrary<Double> elements) {
        List<String> names = new ArrayList<>(shapes.keySet());
        List<Arbitrary<Tensor>> parts = new ArrayList<>();
        for (String n : names) parts.add(tensors(backend, shapes.get(n), elements));
        return Combinators.combine(parts).as(ts -> {
            Params.Builder b = Params.builder();
            for (int i = 0; i < names.size(); i++) b.add(names.get(i), ts.get(i));
            return b.build();
        });
    }

    private static Shape toShape(List<Integer> dims) {
        int[] d = new int[dims.size()];
        for (int i = 0; i < d.length; i++) d[i] = dims.get(i);
        return Shape.of(d);
    }

    private static double[] toArray(List<Double> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) a[i] = values.get(i);
        return a;
    }
}
