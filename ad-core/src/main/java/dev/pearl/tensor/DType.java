package dev.pearl.tensor;

/** Element types. Both are first-class for every op; mixing them in one op is an error. */
public enum DType {
    /** IEEE 754 single precision (4 bytes). */
    FLOAT32(4),
    /** IEEE 754 double precision (8 bytes). */
    FLOAT64(8);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /**
     * The size of one element.
     *
     * @return 4 or 8
     */
    public int bytes() {
        return bytes;
    }

    /**
     * Machine epsilon, the scale for tolerances.
     *
     * @return the gap between 1 and the next larger value: 2⁻²³ or 2⁻⁵²
     */
    public double epsilon() {
        return this == FLOAT32 ? Math.ulp(1.0f) : Math.ulp(1.0);
    }

    /**
     * Parses "float32"/"f32"/"float"/"float64"/"f64"/"double" (case-insensitive).
     *
     * @param s the name
     * @return the dtype
     * @throws IllegalArgumentException for any other name
     */
    public static DType parse(String s) {
        switch (s.toLowerCase()) {
            case "float32": case "f32": case "float": return FLOAT32;
            case "float64": case "f64": case "double": return FLOAT64;
            default: throw new IllegalArgumentException("unknown dtype '" + s + "' (expected float32 or float64)");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
