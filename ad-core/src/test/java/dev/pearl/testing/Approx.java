package dev.pearl.testing;

import dev.pearl.tensor.Tensor;

/** Value comparisons for tests whose messages name the element and both numbers. */
public final class Approx {
    private Approx() {
    }

    /**
     * Asserts actual's shape equals expected's and every element is within
     * {@code rtol · max(1, |expected|∞)} (a NaN matches only a NaN).
     */
    public static void assertClose(String what, HostTensor expected, Tensor actual, double rtol) {
        if (!actual.shape().equals(expected.shape()))
            throw new AssertionError(what + ": shape " + actual.shape() + ", expected " + expected.shape());
        double[] a = actual.toDoubleArray();
        double allowed = rtol * Math.max(1, expected.maxAbs());
        for (int i = 0; i < a.length; i++) {
            double e = expected.values()[i];
            boolean bothNaN = Double.isNaN(e) && Double.isNaN(a[i]);
            if (!bothNaN && !(Math.abs(a[i] - e) <= allowed))
                throw new AssertionError(what + ": element " + i + " is " + a[i] + ", expected " + e
                        + " (|difference| " + Math.abs(a[i] - e) + " > " + allowed + ")");
        }
    }
}
