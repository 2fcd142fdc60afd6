package dev.pearl.examples.train;

import java.util.Locale;

/** Compact numbers and durations for the progress lines. */
final class Format {
    private Format() {
    }

    /** Three significant digits, plain where that reads well: 45.0, 0.00312, 1.2e-05, -inf. */
    static String number(double v) {
        if (Double.isNaN(v)) return "-";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) return String.format(Locale.ROOT, "%.2e", v);
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** A setting's value as a user would type it, exactly: 0.001, 1e-8, 2.5e-5, 45, 100. */
    static String setting(Object v) {
        if (!(v instanceof Double d)) return String.valueOf(v);
        String s = Double.toString(d);
        return s.replace(".0E", "E").replace('E', 'e').replaceAll("\\.0$", "");
    }

    /** Errors with enough digits to see them fall: 45.31, 3.142. */
    static String error(double v) {
        if (Double.isNaN(v)) return "-";
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : Math.abs(v) >= 10 ? "%.2f" : "%.3f", v);
    }

    /** 9.8s, 4m05s, 2h03m. */
    static String duration(double seconds) {
        if (seconds < 60) return String.format(Locale.ROOT, "%.1fs", seconds);
        long s = Math.round(seconds);
        if (s < 3600) return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }

    /** "1.2+10.3+0.9s": the parts of an HF iteration. */
    static String split(double gradient, double cg, double search) {
        return String.format(Locale.ROOT, "%.1f+%.1f+%.1fs", gradient, cg, search);
    }
}
