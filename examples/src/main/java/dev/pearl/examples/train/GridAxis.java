package dev.pearl.examples.train;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One knob of a tuning grid: the flag it sets, its values in increasing order, and how the grid
 * goes on past its ends. Learning rates, damping and sizes step by half-decades (…, 1e-3, 3e-3,
 * 1e-2, …); momentum steps by half-decades of 1 − μ (…, 0.99, 0.997, 0.999, …), since what
 * matters is how close it comes to 1.
 *
 * @param flag     the train option, "--learning-rate"
 * @param values   distinct values, increasing
 * @param integral whether the option takes whole numbers
 * @param momentum whether values are momenta in [0, 1), extended through 1 − μ
 */
record GridAxis(String flag, List<Double> values, boolean integral, boolean momentum) {
    /** An axis of fewer values has no inside: its values are a choice, and a winner at either end is not refused. */
    static final int MIN_VALUES_FOR_EDGES = 3;

    GridAxis {
        values = values.stream().distinct().sorted().toList();
        if (values.isEmpty()) throw new IllegalArgumentException("the grid of " + flag + " has no values");
        for (double v : values) {
            if (!(v > 0) || Double.isInfinite(v) || momentum && v >= 1)
                throw new IllegalArgumentException("the grid of " + flag + " holds " + text(v, integral) + "; its values must be "
                        + (momentum ? "in (0, 1)" : "positive and finite"));
            if (integral && v != Math.rint(v))
                throw new IllegalArgumentException("the grid of " + flag + " holds " + text(v, false) + "; it takes whole numbers");
        }
    }

    boolean hasEdges() {
        return values.size() >= MIN_VALUES_FOR_EDGES;
    }

    /** The value as the option takes it: 0.003, 1e-4, 25. */
    String text(double v) {
        return text(v, integral);
    }

    /** "-1" for the lower edge, "+1" for the upper, 0 inside (or on an axis without edges). */
    int edge(double v) {
        if (!hasEdges()) return 0;
        return v == values.get(0) ? -1 : v == values.get(values.size() - 1) ? 1 : 0;
    }

    /** The values with {@code count} more past the lower ({@code side} -1) or upper (+1) end. */
    List<Double> extended(int side, int count) {
        List<Double> out = new ArrayList<>(values);
        double v = side < 0 ? values.get(0) : values.get(values.size() - 1);
        for (int i = 0; i < count; i++) {
            double next = momentum ? 1 - halfDecadeBeyond(1 - v, -side) : halfDecadeBeyond(v, side);
            if (integral) next = side < 0 ? Math.floor(next) : Math.ceil(next);
            if (next <= 0 || next == v || momentum && next >= 1) break;
            out.add(next);
            v = next;
        }
        return out.stream().sorted().toList();
    }

    /** "learning-rate=1e-4,3e-4,1e-3": the --grid option that gives these values. */
    static String gridOption(String flag, List<Double> values, boolean integral) {
        StringBuilder b = new StringBuilder(flag.substring(2)).append('=');
        for (int i = 0; i < values.size(); i++) b.append(i == 0 ? "" : ",").append(text(values.get(i), integral));
        return b.toString();
    }

    /** The next value of the sequence 1, 3, 10, 30, ... (times powers of ten) strictly above ({@code side} +1) or below (-1) {@code v}. */
    static double halfDecadeBeyond(double v, int side) {
        int k = (int) Math.round(2 * Math.log10(v));
        for (int j = k - 3 * side; ; j += side) {
            double candidate = halfDecade(j);
            if (side > 0 ? candidate > v * 1.05 : candidate < v / 1.05) return candidate;
        }
    }

    /** 10^(k/2) rounded to 1 or 3 times a power of ten: k = -6 gives 1e-3, -5 gives 3e-3. */
    static double halfDecade(int k) {
        int decade = Math.floorDiv(k, 2);
        return Double.parseDouble((Math.floorMod(k, 2) == 0 ? "1e" : "3e") + decade);
    }

    private static String text(double v, boolean integral) {
        if (integral) return Long.toString(Math.round(v));
        String plain = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        return Format.setting(Double.parseDouble(plain)).toLowerCase(Locale.ROOT);
    }
}
