package dev.pearl.examples.report;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * A measured quantity (a train error) against elapsed seconds, read as a step function: at time
 * t it holds the last value measured at or before t, and before the first measurement nothing
 * (NaN). Curves of runs measured at different times combine on the union of their times: the
 * median over seeds, the minimum (envelope) over optimizers. A NaN value (a diverged run) counts
 * as +inf there, so that it never looks like a low error.
 *
 * @param seconds measurement times, increasing
 * @param values  the values measured then
 */
public record TimeCurve(double[] seconds, double[] values) {
    public TimeCurve {
        if (seconds.length != values.length) throw new IllegalArgumentException(seconds.length + " times but " + values.length + " values");
        for (int i = 1; i < seconds.length; i++)
            if (!(seconds[i] >= seconds[i - 1])) throw new IllegalArgumentException("times must increase: " + seconds[i - 1] + " then " + seconds[i]);
        seconds = seconds.clone();
        values = values.clone();
    }

    /** The elapsed_s column and {@code column} of a metrics.csv. */
    public static TimeCurve of(MetricsTable table, String column) {
        return new TimeCurve(table.column("elapsed_s"), table.column(column));
    }

    /** The last value measured at or before {@code t}; NaN before the first measurement. */
    public double at(double t) {
        int i = Arrays.binarySearch(seconds, t);
        if (i < 0) i = -i - 2;
        else while (i + 1 < seconds.length && seconds[i + 1] == t) i++;
        return i < 0 ? Double.NaN : values[i];
    }

    public double end() {
        return seconds.length == 0 ? Double.NaN : seconds[seconds.length - 1];
    }

    public double last() {
        return values.length == 0 ? Double.NaN : values[values.length - 1];
    }

    /** The first time the curve is at or below {@code target}; NaN if it never is. */
    public double firstReaching(double target) {
        for (int i = 0; i < values.length; i++) if (values[i] <= target) return seconds[i];
        return Double.NaN;
    }

    /** The pointwise median of {@code curves}, on the union of their times, each taken from its first measurement on. */
    public static TimeCurve median(List<TimeCurve> curves) {
        return combine(curves, TimeCurve::median);
    }

    /** The pointwise minimum (envelope) of {@code curves} on the union of their times. */
    public static TimeCurve minimum(List<TimeCurve> curves) {
        return combine(curves, v -> Arrays.stream(v).min().orElse(Double.NaN));
    }

    private interface Combiner {
        double apply(double[] valuesAtOneTime);
    }

    private static TimeCurve combine(List<TimeCurve> curves, Combiner combiner) {
        if (curves.isEmpty()) throw new IllegalArgumentException("no curves to combine");
        TreeSet<Double> times = new TreeSet<>();
        for (TimeCurve c : curves) for (double t : c.seconds) times.add(t);
        double[] at = times.stream().mapToDouble(Double::doubleValue).toArray(), out = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            double t = at[i];
            // Curves not measured yet at t take no part; a NaN value (diverged) is +inf.
            double[] v = curves.stream().filter(c -> c.seconds.length > 0 && c.seconds[0] <= t).mapToDouble(c -> c.at(t))
                    .map(x -> Double.isNaN(x) ? Double.POSITIVE_INFINITY : x).toArray();
            out[i] = v.length == 0 ? Double.NaN : combiner.apply(v);
        }
        return new TimeCurve(at, out);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        if (n == 0) return Double.NaN;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
