package dev.pearl.examples.report;

import java.util.Arrays;

/**
 * What a run's metrics.csv says at a glance: the errors reached by given times, the best and last
 * errors, and the median time of an optimizer step, for HF split into its parts.
 */
public final class RunSummary {
    /** Train and test error measured at one row of the table. */
    public record Errors(double seconds, double train, double test) {
        static final Errors NONE = new Errors(Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * Medians over the rows (row 0, the initial measurement, excluded) of each row's value per
     * optimizer step: a row of SGD or stochastic HF holds a round of steps (the growth of the
     * {@code updates} column), a row of Martens' HF one step. NaN where a column is absent.
     */
    public record Split(double stepsPerRow, double stepSeconds, double gradientSeconds, double cgSeconds, double curvatureProducts,
                        double lineSearchSeconds) {
    }

    private final double[] seconds, train, test;
    private final MetricsTable table;

    public RunSummary(MetricsTable table) {
        this.table = table;
        this.seconds = table.column("elapsed_s");
        this.train = table.column("train_error");
        this.test = table.column("test_error");
    }

    public int iterations() {
        return seconds.length == 0 ? 0 : (int) table.column("iteration")[seconds.length - 1];
    }

    /** The last measurement made at or before the given elapsed time; NONE if there is none. */
    public Errors at(double elapsedSeconds) {
        Errors found = Errors.NONE;
        for (int r = 0; r < seconds.length && seconds[r] <= elapsedSeconds; r++) found = row(r);
        return found;
    }

    public Errors last() {
        return seconds.length == 0 ? Errors.NONE : row(seconds.length - 1);
    }

    /** The row with the lowest train error. */
    public Errors bestTrain() {
        int best = -1;
        for (int r = 0; r < train.length; r++) if (!Double.isNaN(train[r]) && (best < 0 || train[r] < train[best])) best = r;
        return best < 0 ? Errors.NONE : row(best);
    }

    public Split split() {
        double[] steps = stepsPerRow();
        return new Split(median(steps), medianPerStep("iteration_s", steps), medianPerStep("gradient_s", steps), medianPerStep("cg_s", steps),
                medianPerStep("gv_products", steps), medianPerStep("linesearch_s", steps));
    }

    /** Steps each row made: growth of {@code updates} where it is recorded, else one; row 0 made none (NaN). */
    private double[] stepsPerRow() {
        double[] updates = table.columns().contains("updates") ? table.column("updates") : new double[seconds.length];
        double[] steps = new double[seconds.length];
        for (int r = 0; r < steps.length; r++) {
            boolean known = r > 0 && !Double.isNaN(updates[r]) && !Double.isNaN(updates[r - 1]) && updates[r] > updates[r - 1];
            steps[r] = r == 0 ? Double.NaN : known ? updates[r] - updates[r - 1] : 1;
        }
        return steps;
    }

    private double medianPerStep(String column, double[] steps) {
        if (!table.columns().contains(column)) return Double.NaN;
        double[] values = table.column(column).clone();
        for (int r = 0; r < values.length; r++) values[r] /= steps[r];
        return median(values);
    }

    private Errors row(int r) {
        return new Errors(seconds[r], train[r], test[r]);
    }

    private static double median(double[] all) {
        double[] values = Arrays.stream(all, Math.min(1, all.length), all.length).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (values.length == 0) return Double.NaN;
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : 0.5 * (values[mid - 1] + values[mid]);
    }
}
