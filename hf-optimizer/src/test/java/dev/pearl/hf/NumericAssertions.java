package dev.pearl.hf;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Element-wise comparison with a tolerance relative to each expected value (absolute below 1). */
public final class NumericAssertions {
    private NumericAssertions() {
    }

    public static void assertArrayClose(double[] expected, double[] actual, double tolerance) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++)
            assertEquals(expected[i], actual[i], tolerance * Math.max(1, Math.abs(expected[i])), "element " + i);
    }
}
