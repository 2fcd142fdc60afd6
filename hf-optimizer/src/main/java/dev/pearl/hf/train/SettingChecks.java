package dev.pearl.hf.train;

/**
 * The range checks of optimizer settings records, with one-line messages that name the setting
 * and the value: "Adam beta1 must lie in [0, 1), got 1.5".
 */
public final class SettingChecks {
    private SettingChecks() {
    }

    /**
     * Requires a finite value above 0.
     *
     * @param setting the setting's name, for the message
     * @param value its value
     * @throws IllegalArgumentException if value is not finite and positive
     */
    public static void positive(String setting, double value) {
        if (!(value > 0) || Double.isInfinite(value)) throw new IllegalArgumentException(setting + " must be finite and > 0, got " + value);
    }

    /**
     * Requires a finite value of at least 0.
     *
     * @param setting the setting's name, for the message
     * @param value its value
     * @throws IllegalArgumentException if value is negative, NaN or infinite
     */
    public static void nonNegative(String setting, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) throw new IllegalArgumentException(setting + " must be finite and >= 0, got " + value);
    }

    /**
     * A decay rate or momentum: in [0, 1).
     *
     * @param setting the setting's name, for the message
     * @param value its value
     * @throws IllegalArgumentException if value lies outside [0, 1)
     */
    public static void fraction(String setting, double value) {
        if (!(value >= 0 && value < 1)) throw new IllegalArgumentException(setting + " must lie in [0, 1), got " + value);
    }

    /**
     * Requires a value of at least {@code minimum}.
     *
     * @param setting the setting's name, for the message
     * @param value its value
     * @param minimum the smallest allowed value
     * @throws IllegalArgumentException if value is below minimum
     */
    public static void atLeast(String setting, long value, long minimum) {
        if (value < minimum) throw new IllegalArgumentException(setting + " must be >= " + minimum + ", got " + value);
    }
}
