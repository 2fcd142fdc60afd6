package dev.pearl.examples.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeCurveTest {
    private static final TimeCurve A = new TimeCurve(new double[]{1, 10, 20}, new double[]{300, 40, 30});
    private static final TimeCurve B = new TimeCurve(new double[]{2, 15}, new double[]{300, 35});
    private static final TimeCurve C = new TimeCurve(new double[]{1, 12}, new double[]{300, Double.NaN});

    @Test
    void holdsTheLastMeasurementUntilTheNext() {
        assertTrue(Double.isNaN(A.at(0.5)), "nothing before the first measurement");
        assertEquals(300, A.at(1));
        assertEquals(300, A.at(9.99));
        assertEquals(40, A.at(10));
        assertEquals(30, A.at(1000));
        assertEquals(10, A.firstReaching(40));
        assertEquals(20, A.firstReaching(35));
        assertTrue(Double.isNaN(A.firstReaching(29)));
    }

    @Test
    void theMedianTakesEachCurveFromItsFirstMeasurementAndDivergedAsInfinite() {
        TimeCurve m = TimeCurve.median(List.of(A, B, C));
        assertArrayEquals(new double[]{1, 2, 10, 12, 15, 20}, m.seconds());
        // t=1: A 300, C 300 (B not started); t=10: 40, 300, 300; t=12: 40, 300, inf; t=15: 40, 35, inf; t=20: 30, 35, inf.
        assertArrayEquals(new double[]{300, 300, 300, 300, 40, 35}, m.values());
    }

    @Test
    void theEnvelopeIsThePointwiseMinimum() {
        TimeCurve e = TimeCurve.minimum(List.of(A, B));
        assertArrayEquals(new double[]{1, 2, 10, 15, 20}, e.seconds());
        assertArrayEquals(new double[]{300, 300, 40, 35, 30}, e.values());
        TimeCurve diverged = TimeCurve.minimum(List.of(C));
        assertEquals(Double.POSITIVE_INFINITY, diverged.last());
    }
}
