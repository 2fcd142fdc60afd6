package dev.pearl.examples.data;

import dev.pearl.examples.data.Curves.ControlPoints;
import dev.pearl.examples.data.Curves.Split;
import dev.pearl.tensor.Backends;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Tensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CurvesTest {

    @Test
    void defaultSizesAreThoseOfThePaper() {
        TrainTest data = Curves.generate(7);
        assertEquals(20_000, data.train().n());
        assertEquals(10_000, data.test().n());
        assertEquals(784, data.train().dim());
        assertEquals(784, data.test().dim());
    }

    @Test
    void thirtyThousandImagesTakeWellUnderAFewSeconds() {
        long start = System.nanoTime();
        Curves.generate(11, 20_000, 10_000);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 5, "took " + seconds + " s");
    }

    @Test
    void intensitiesLieInUnitIntervalAndEveryImageHasAFullyInkedStroke() {
        Dataset d = Curves.generate(3, Split.TRAIN, 2000);
        for (int i = 0; i < d.n(); i++) {
            float[] img = d.row(i);
            float max = 0;
            for (float v : img) {
                assertTrue(v >= 0 && v <= 1, "image " + i + " has intensity " + v);
                max = Math.max(max, v);
            }
            assertEquals(1f, max, "image " + i + " has no pixel on the curve's core");
        }
    }

    @Property(tries = 200)
    void controlPointsLieInTheFrameWithIncreasingX(@ForAll long seed, @ForAll @IntRange(max = 100_000) int index) {
        for (Split split : Split.values()) {
            ControlPoints p = Curves.controlPoints(seed, split, index);
            double[] x = p.x(), y = p.y();
            for (int k = 0; k < 3; k++) {
                assertTrue(x[k] >= 2 && x[k] <= 26 && y[k] >= 2 && y[k] <= 26, Arrays.toString(x) + " " + Arrays.toString(y));
            }
            assertTrue(x[0] <= x[1] && x[1] <= x[2], "x not increasing: " + Arrays.toString(x));
        }
    }

    /** The pixel under each control point is at most √2/2 from the curve, so the stroke inks it well. */
    @Property(tries = 200)
    void theCurvePassesThroughItsControlPoints(@ForAll long seed, @ForAll @IntRange(max = 100_000) int index) {
        ControlPoints p = Curves.controlPoints(seed, Split.TRAIN, index);
        float[] img = Curves.image(seed, Split.TRAIN, index);
        for (int k = 0; k < 3; k++) {
            int col = (int) p.x()[k], row = (int) p.y()[k];
            assertTrue(img[row * 28 + col] > 0.5f, "control point " + k + " at pixel (" + row + ", " + col + ") has ink " + img[row * 28 + col]);
        }
    }

    @Test
    void collinearPointsGiveAStraightStrokeWhoseInkFallsWithDistance() {
        // A diagonal from (4, 6) to (22, 24): ink must depend only on distance to that segment.
        float[] img = Curves.render(new ControlPoints(new double[]{4, 13, 22}, new double[]{6, 15, 24}));
        double[][] byDistance = new double[784][];
        for (int r = 0; r < 28; r++)
            for (int c = 0; c < 28; c++)
                byDistance[r * 28 + c] = new double[]{distanceToSegment(c + 0.5, r + 0.5, 4, 6, 22, 24), img[r * 28 + c]};
        Arrays.sort(byDistance, (a, b) -> Double.compare(a[0], b[0]));
        for (int i = 1; i < byDistance.length; i++)
            assertTrue(byDistance[i][1] <= byDistance[i - 1][1] + 1e-6,
                    "ink rises from " + byDistance[i - 1][1] + " to " + byDistance[i][1] + " at distance " + byDistance[i][0]);
        for (double[] pd : byDistance) {
            if (pd[0] < 0.3) assertEquals(1.0, pd[1], 1e-6, "pixel on the line");
            if (pd[0] > 1.5) assertEquals(0.0, pd[1], "pixel " + pd[0] + " away from the line");
        }
        boolean hasSoftEdge = Arrays.stream(byDistance).anyMatch(pd -> pd[1] > 0.05 && pd[1] < 0.95);
        assertTrue(hasSoftEdge, "stroke is not anti-aliased");
    }

    @Test
    void aHorizontalStrokeThroughPixelCentresIsAboutTwoPixelsWide() {
        float[] img = Curves.render(new ControlPoints(new double[]{4, 14, 24}, new double[]{14.5, 14.5, 14.5}));
        for (int c = 5; c < 23; c++) {
            assertEquals(1f, img[14 * 28 + c], "centre row, column " + c);
            float above = img[13 * 28 + c], below = img[15 * 28 + c];
            assertTrue(above > 0 && above < 1 && below > 0 && below < 1, "edge rows at column " + c + ": " + above + ", " + below);
            assertEquals(0f, img[12 * 28 + c]);
            assertEquals(0f, img[16 * 28 + c]);
        }
        for (int r = 0; r < 28; r++) assertEquals(0f, img[r * 28 + 1], "left of the first point");
    }

    @Test
    void sameSeedSameImagesOtherSeedOtherImages() {
        assertArrayEquals(Curves.generate(42, Split.TRAIN, 300).flat(), Curves.generate(42, Split.TRAIN, 300).flat());
        assertFalse(Arrays.equals(Curves.generate(42, Split.TRAIN, 300).flat(), Curves.generate(43, Split.TRAIN, 300).flat()));
    }

    @Test
    void aSmallerSetIsAPrefixOfALargerOne() {
        Dataset small = Curves.generate(5, Split.TEST, 100), large = Curves.generate(5, Split.TEST, 1000);
        assertArrayEquals(small.flat(), large.head(100).flat());
    }

    @Test
    void trainAndTestShareNoImage() {
        TrainTest data = Curves.generate(9);
        Set<ImageKey> train = new HashSet<>();
        for (int i = 0; i < data.train().n(); i++) train.add(new ImageKey(data.train().row(i)));
        assertEquals(data.train().n(), train.size(), "duplicate images inside the training set");
        for (int i = 0; i < data.test().n(); i++)
            assertFalse(train.contains(new ImageKey(data.test().row(i))), "test image " + i + " is also a training image");
    }

    @Test
    void toTensorHoldsTheRowsInBothDtypes() {
        Dataset d = Curves.generate(1, Split.TRAIN, 5);
        for (DType dtype : DType.values()) {
            Tensor t = d.toTensor(Backends.defaultBackend(), dtype, 1, 4);
            assertEquals(3, t.dim(0));
            assertEquals(784, t.dim(1));
            assertEquals(dtype, t.dtype());
            float[] v = t.toFloatArray();
            for (int i = 0; i < 3; i++) assertArrayEquals(d.row(i + 1), Arrays.copyOfRange(v, i * 784, (i + 1) * 784));
        }
    }

    private static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax, dy = by - ay;
        double t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(ax + t * dx - px, ay + t * dy - py);
    }

    private record ImageKey(float[] pixels) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ImageKey k && Arrays.equals(pixels, k.pixels);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(pixels);
        }
    }
}
