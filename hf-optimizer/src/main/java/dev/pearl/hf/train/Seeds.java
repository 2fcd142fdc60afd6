package dev.pearl.hf.train;

/**
 * Per-iteration seeds derived from a base seed, so randomness needs no saved generator state:
 * a resumed run draws the same numbers as an uninterrupted one.
 */
public final class Seeds {
    private Seeds() {
    }

    /**
     * A well-mixed seed for (base, index) (SplitMix64's finaliser).
     *
     * @param base the base seed
     * @param index the index, such as an epoch or a case
     * @return a seed that differs well for neighbouring indices
     */
    public static long mix(long base, long index) {
        long z = base + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
