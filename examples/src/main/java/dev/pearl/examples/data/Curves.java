package dev.pearl.examples.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The synthetic CURVES images of Hinton and Salakhutdinov (Science, 2006), generated in code: each
 * 28×28 image shows one smooth curve, a cubic spline through three random control points whose
 * coordinates lie in [2, 26] and whose x coordinates increase. The curve is inked with a soft
 * two-pixel stroke: a pixel's intensity falls linearly with the distance from its centre to the
 * curve, so intensities lie in [0, 1] and a curve has anti-aliased edges.
 *
 * <p>Images are deterministic by seed. Every image has its own random stream derived from (seed,
 * split, index), so the training and test sets never share a stream, a set of n images is the
 * prefix of any larger set, and images can be drawn in parallel without changing the result.
 */
public final class Curves {
    public static final int SIZE = 28;
    public static final int DIM = SIZE * SIZE;
    public static final int DEFAULT_TRAIN_SIZE = 20_000;
    public static final int DEFAULT_TEST_SIZE = 10_000;
    /** Control point coordinates are drawn uniformly from [MIN_COORD, MAX_COORD]. */
    public static final double MIN_COORD = 2, MAX_COORD = 26;

    /** Intensity is 1 within CORE of the curve and falls to 0 at CORE + FALLOFF pixels away. */
    private static final double CORE = 0.4, FALLOFF = 1.0;
    private static final double REACH = CORE + FALLOFF;
    /** Spline parameter step (≈ pixels of chord length) between the polyline's vertices. */
    private static final double STEP = 0.25;

    public enum Split { TRAIN, TEST }

    /** Three control points ordered by increasing x, in pixel units (the image spans [0, 28]). */
    public record ControlPoints(double[] x, double[] y) {
        public ControlPoints {
            if (x.length != 3 || y.length != 3) throw new IllegalArgumentException("need exactly three control points");
            x = x.clone();
            y = y.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }
    }

    private Curves() {
    }

    /** The default 20,000 training and 10,000 test images. */
    public static TrainTest generate(long seed) {
        return generate(seed, DEFAULT_TRAIN_SIZE, DEFAULT_TEST_SIZE);
    }

    public static TrainTest generate(long seed, int trainSize, int testSize) {
        return new TrainTest(generate(seed, Split.TRAIN, trainSize), generate(seed, Split.TEST, testSize));
    }

    /** The first n images of one split, as an n × 784 data set. */
    public static Dataset generate(long seed, Split split, int n) {
        if (n < 0) throw new IllegalArgumentException("negative number of images: " + n);
        float[] values = new float[Math.multiplyExact(n, DIM)];
        IntStream.range(0, n).parallel().forEach(i -> render(controlPoints(seed, split, i), values, i * DIM));
        return new Dataset("curves-" + split.name().toLowerCase() + "(seed " + seed + ")", n, DIM, values);
    }

    /** Image index of a split: 784 intensities, row-major, row 0 at the top. */
    public static float[] image(long seed, Split split, int index) {
        return render(controlPoints(seed, split, index));
    }

    /** The random control points behind one image. */
    public static ControlPoints controlPoints(long seed, Split split, int index) {
        SplittableRandom rng = new SplittableRandom(imageSeed(seed, split, index));
        double[] x = new double[3], y = new double[3];
        for (int k = 0; k < 3; k++) {
            x[k] = uniformCoord(rng);
            y[k] = uniformCoord(rng);
        }
        Arrays.sort(x);
        return new ControlPoints(x, y);
    }

    /** Inks the spline through the given control points onto a fresh 28×28 image. */
    public static float[] render(ControlPoints points) {
        float[] image = new float[DIM];
        render(points, image, 0);
        return image;
    }

    private static void render(ControlPoints points, float[] out, int offset) {
        double[] dist2 = new double[DIM];
        Arrays.fill(dist2, Double.POSITIVE_INFINITY);
        double[][] polyline = NaturalSpline3.throughPoints(points.x, points.y, STEP);
        double[] xs = polyline[0], ys = polyline[1];
        for (int s = 0; s + 1 < xs.length; s++) recordSegment(xs[s], ys[s], xs[s + 1], ys[s + 1], dist2);
        for (int p = 0; p < DIM; p++) {
            double ink = 1 - (Math.sqrt(dist2[p]) - CORE) / FALLOFF;
            out[offset + p] = (float) Math.max(0, Math.min(1, ink));
        }
    }

    /** Lowers each nearby pixel's squared distance to the curve by its distance to segment a–b. */
    private static void recordSegment(double ax, double ay, double bx, double by, double[] dist2) {
        int c0 = Math.max(0, (int) Math.floor(Math.min(ax, bx) - REACH));
        int c1 = Math.min(SIZE - 1, (int) Math.ceil(Math.max(ax, bx) + REACH));
        int r0 = Math.max(0, (int) Math.floor(Math.min(ay, by) - REACH));
        int r1 = Math.min(SIZE - 1, (int) Math.ceil(Math.max(ay, by) + REACH));
        double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
        for (int r = r0; r <= r1; r++) {
            double py = r + 0.5;
            for (int c = c0; c <= c1; c++) {
                double px = c + 0.5;
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
                double ex = ax + t * dx - px, ey = ay + t * dy - py;
                double d2 = ex * ex + ey * ey;
                int p = r * SIZE + c;
                if (d2 < dist2[p]) dist2[p] = d2;
            }
        }
    }

    private static double uniformCoord(SplittableRandom rng) {
        return MIN_COORD + (MAX_COORD - MIN_COORD) * rng.nextDouble();
    }

    /** A well-mixed seed per (seed, split, index); the split salts keep the two splits' streams apart. */
    private static long imageSeed(long seed, Split split, int index) {
        long salt = split == Split.TRAIN ? 0x5DEECE66DL : 0x2545F4914F6CDD1DL;
        return mix64(mix64(seed ^ salt) + index);
    }

    /** SplitMix64's finaliser. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
