package dev.pearl.tensor;

/** Element types. Both are first-class for every op; mixing them in one op is an error. */
public enum DType {
    FLOAT32(4),
    FLOAT64(8);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }

    /** Machine epsilon, the scale for tolerances. */
    public double epsilon() {
        return this == FLOAT32 ? Math.ulp(1.0f) : Math.ulp(1.0);
    }

    /** Parses "float32"/"f32"/"float"/"float64"/"f64"/"double" (case-insensitive). */
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
