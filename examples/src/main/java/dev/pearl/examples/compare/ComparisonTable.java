package dev.pearl.examples.compare;

import dev.pearl.examples.report.TimeCurve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table of a comparison run: per optimizer (the median over its seeds) and for the envelope
 * of the baselines, the train error at fixed minutes within the budget, the time each target
 * error was first reached, and the final train and test errors.
 */
final class ComparisonTable {
    /** Minutes at which the table reports errors, those within the budget. */
    static final double[] MINUTES = {1, 2, 5, 10, 20, 30};

    /** One row: a label, its train-error curve, how many runs it summarises and its final errors (NaN: none). */
    record Row(String label, TimeCurve train, int runs, double finalTrain, double finalTest) {
    }

    private ComparisonTable() {
    }

    static String markdown(List<Row> rows, double budgetSeconds, List<Double> targets) {
        List<Double> minutes = new ArrayList<>();
        for (double m : MINUTES) if (60 * m <= budgetSeconds * 1.001) minutes.add(m);
        StringBuilder b = new StringBuilder("| optimizer | runs |");
        for (double m : minutes) b.append(String.format(Locale.ROOT, " %s min |", trim(m)));
        for (double t : targets) b.append(" time to ").append(trim(t)).append(" |");
        b.append(" final train | final test |\n|---|---|").append("---|".repeat(minutes.size() + targets.size())).append("---|---|\n");
        for (Row r : rows) {
            b.append("| ").append(r.label()).append(" | ").append(r.runs() == 0 ? "-" : Integer.toString(r.runs())).append(" |");
            for (double m : minutes) b.append(' ').append(error(r.train().at(60 * m))).append(" |");
            for (double t : targets) b.append(' ').append(time(r.train().firstReaching(t))).append(" |");
            b.append(' ').append(error(r.finalTrain())).append(" | ").append(error(r.finalTest())).append(" |\n");
        }
        return b.toString();
    }

    private static String error(double v) {
        if (Double.isNaN(v)) return "-";
        if (Double.isInfinite(v)) return "diverged";
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String time(double seconds) {
        if (Double.isNaN(seconds)) return "not reached";
        return seconds < 60 ? String.format(Locale.ROOT, "%.0f s", seconds) : String.format(Locale.ROOT, "%.1f min", seconds / 60);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
