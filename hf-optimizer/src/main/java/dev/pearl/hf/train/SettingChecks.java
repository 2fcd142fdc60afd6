package dev.pearl.hf.train;

/**
 * The range checks of optimizer settings records, with one-line messages that name the setting
 * and the value: "Adam beta1 must lie in [0, 1), got 1.5".
 */
public final class SettingChecks {
    private SettingChecks() {
    }

    public static void positive(String setting, double value) {
        if (!(value > 0) || Double.isInfinite(value)) throw new IllegalArgumentException(setting + " must be finite and > 0, got " + value);
    }

    public static void nonNegative(String setting, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) throw new IllegalArgumentException(setting + " must be finite and >= 0, got " + value);
    }

    /** A decay rate or momentum: in [0, 1). */
    public static void fraction(String setting, double value) {
        if (!(value >= 0 && value < 1)) throw new IllegalArgumentException(setting + " must lie in [0, 1), got " + value);
    }

    public static void atLeast(String setting, long value, long minimum) {
        if (value < minimum) throw new IllegalArgumentException(setting + " must be >= " + minimum + ", got " + value);
    }
}
