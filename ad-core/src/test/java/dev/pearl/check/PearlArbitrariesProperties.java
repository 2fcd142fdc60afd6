package dev.pearl.check;

import dev.pearl.Params;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import dev.pearl.testing.TestBackends;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The arbitraries produce what they promise. */
class PearlArbitrariesProperties {
    private static final Backend BACKEND = TestBackends.all().get(0);

    @Provide
    Arbitrary<Shape> constrainedShapes() {
        return PearlArbitraries.shapes(1, 3, 4, 20);
    }

    @Property(tries = 50)
    void shapesRespectRankDimensionAndSizeLimits(@ForAll("constrainedShapes") Shape s) {
        assertTrue(s.rank() >= 1 && s.rank() <= 3, s.toString());
        for (int d : s.dims()) assertTrue(d >= 1 && d <= 4, s.toString());
        assertTrue(s.size() <= 20, s.toString());
    }

    @Provide
    Arbitrary<ShapePair> pairs() {
        return PearlArbitraries.broadcastablePair(4, 3);
    }

    @Property(tries = 50)
    void broadcastablePairsBroadcastToTheirCommonShape(@ForAll("pairs") ShapePair p) {
        Shape both = p.broadcast();
        assertTrue(p.first().broadcastsTo(both) && p.second().broadcastsTo(both), p + " -> " + both);
    }

    @Provide
    Arbitrary<List<Shape>> triples() {
        return PearlArbitraries.broadcastable(3, 3, 3);
    }

    @Property(tries = 50)
    void broadcastableShapesAllBroadcastTogether(@ForAll("triples") List<Shape> shapes) {
        Shape all = Shape.broadcast("test", Shape.broadcast("test", shapes.get(0), shapes.get(1)), shapes.get(2));
        for (Shape s : shapes) assertTrue(s.broadcastsTo(all), shapes.toString());
    }

    @Provide
    Arbitrary<Tensor> tensors() {
        return PearlArbitraries.tensors(BACKEND, PearlArbitraries.shapes(3, 3), PearlArbitraries.uniform(-0.5, 1.5));
    }

    @Property(tries = 50)
    void tensorsAreFloat64OnTheBackendWithValuesInRange(@ForAll("tensors") Tensor t) {
        assertEquals(DType.FLOAT64, t.dtype());
        assertSame(BACKEND, t.backend());
        for (double v : t.toDoubleArray()) assertTrue(v >= -0.5 && v <= 1.5, t.toString());
    }

    @Provide
    Arbitrary<double[]> awayFromZero() {
        return PearlArbitraries.values(Shape.of(6), PearlArbitraries.awayFromZero(0.25, 2));
    }

    @Property(tries = 50)
    void awayFromZeroValuesKeepTheirDistance(@ForAll("awayFromZero") double[] values) {
        for (double v : values) assertTrue(Math.abs(v) >= 0.25 && Math.abs(v) <= 2, Double.toString(v));
    }

    @Provide
    Arbitrary<Params> params() {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        shapes.put("w", Shape.of(2, 3));
        shapes.put("b", Shape.of(3));
        return PearlArbitraries.params(BACKEND, shapes, PearlArbitraries.uniform(-1, 1));
    }

    @Property(tries = 20)
    void paramsHaveTheGivenNamesAndShapesInOrder(@ForAll("params") Params p) {
        assertEquals(List.of("w", "b"), p.names());
        assertEquals(Shape.of(2, 3), p.get("w").shape());
        assertEquals(Shape.of(3), p.get("b").shape());
    }
}
