package dev.pearl.examples.compare;

import dev.pearl.examples.report.MetricsCsv;
import dev.pearl.examples.report.MetricsTable;
import dev.pearl.examples.report.Plots;
import dev.pearl.examples.report.TimeCurve;
import dev.pearl.examples.train.SettingsFile;
import dev.pearl.examples.train.TrainLauncher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Trains several optimizers for the same wall time on the same data and seeds, one run after
 * another (seed by seed, so that a change in the machine's load falls on every optimizer), then
 * writes DIR/comparison.png (train error against log time: each optimizer's median over its
 * seeds, its single runs thin, and the envelope of the baselines dashed) and DIR/comparison.md
 * (errors at fixed minutes, times to reach target errors, final errors).
 */
final class OptimizerRace {
    static final String PLOT = "comparison.png", TABLE = "comparison.md";
    static final String HF = "hf";

    /** An optimizer with its defaults, or with the settings of a tuning file. */
    record Entry(String optimizer, Path settings) {
        String label() {
            return settings == null ? optimizer : optimizer + " (tuned)";
        }

        String directoryName() {
            return settings == null ? optimizer : optimizer + "-tuned";
        }

        boolean baseline() {
            return !optimizer.equals(HF);
        }

        List<String> trainArgs() {
            return settings == null ? List.of("--optimizer", optimizer) : List.of("--settings", settings.toString());
        }
    }

    private final List<Entry> entries;
    private final List<Long> seeds;
    private final double budget;
    private final List<String> dataArgs;
    private final List<Double> targets;
    private final String errorMeasure;
    private final Path dir;

    /**
     * {@code dataArgs}: train's options for the data and machine, shared by every run; {@code targets}: errors to time;
     * {@code errorMeasure}: what metrics.csv's train_error is on that data, in words for the table.
     */
    OptimizerRace(List<Entry> entries, List<Long> seeds, double budget, List<String> dataArgs, List<Double> targets, String errorMeasure, Path dir) {
        if (entries.isEmpty()) throw new IllegalArgumentException("nothing to compare: give --optimizers or --settings");
        if (seeds.isEmpty()) throw new IllegalArgumentException("--seeds is empty");
        if (!(budget > 0) || Double.isInfinite(budget)) throw new IllegalArgumentException("--budget must be positive seconds, got " + budget);
        List<String> names = entries.stream().map(Entry::directoryName).toList();
        for (String n : names)
            if (names.indexOf(n) != names.lastIndexOf(n)) throw new IllegalArgumentException(n + " is listed twice");
        this.entries = List.copyOf(entries);
        this.seeds = List.copyOf(seeds);
        this.budget = budget;
        this.dataArgs = List.copyOf(dataArgs);
        this.targets = List.copyOf(targets);
        this.errorMeasure = errorMeasure;
        this.dir = dir;
    }

    /** The entry of a tuning file: its optimizer, read from it. */
    static Entry tuned(Path settings) throws IOException {
        return new Entry(SettingsFile.read(settings).optimizer(), settings);
    }

    void run(PrintWriter out, String command) throws IOException {
        for (Entry e : entries) for (long seed : seeds) TrainLauncher.check(trainArgs(e, seed, runDir(e, seed)));
        for (Entry e : entries) for (long seed : seeds)
            if (Files.exists(runDir(e, seed))) throw new IllegalArgumentException(runDir(e, seed) + " already exists; choose another --out");
        out.println("warming up (one untimed iteration)");
        out.flush();
        TrainLauncher.warmUp(trainArgs(entries.get(0), seeds.get(0), null), dir.resolve("warm-up"));
        for (long seed : seeds)
            for (Entry e : entries) {
                Path runDir = runDir(e, seed);
                out.printf(Locale.ROOT, "%s, seed %d: %s s in %s%n", e.label(), seed, trim(budget), runDir);
                out.flush();
                TrainLauncher.run(trainArgs(e, seed, runDir), runDir.resolve("train.log"));
            }
        report(out, command);
    }

    /** Reads the runs back and writes the chart and the table. */
    void report(PrintWriter out, String command) throws IOException {
        List<ComparisonTable.Row> rows = new ArrayList<>();
        List<Plots.Line> lines = new ArrayList<>();
        List<TimeCurve> baselines = new ArrayList<>();
        List<String> baselineLabels = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            List<TimeCurve> curves = new ArrayList<>();
            double[] finalTrain = new double[seeds.size()], finalTest = new double[seeds.size()];
            for (int s = 0; s < seeds.size(); s++) {
                MetricsTable table = MetricsTable.read(runDir(e, seeds.get(s)).resolve(MetricsCsv.FILE_NAME));
                TimeCurve train = TimeCurve.of(table, "train_error");
                curves.add(train);
                finalTrain[s] = train.last();
                finalTest[s] = TimeCurve.of(table, "test_error").last();
                if (seeds.size() > 1) lines.add(new Plots.Line(e.label() + " seed " + seeds.get(s), train, i, false, true, false));
            }
            TimeCurve median = TimeCurve.median(curves);
            String label = seeds.size() > 1 ? e.label() + " (median of " + seeds.size() + " seeds)" : e.label();
            lines.add(new Plots.Line(label, median, i, false, false, true));
            rows.add(new ComparisonTable.Row(e.label(), median, seeds.size(), median(finalTrain), median(finalTest)));
            if (e.baseline()) {
                baselines.add(median);
                baselineLabels.add(e.label());
            }
        }
        if (!baselines.isEmpty()) {
            TimeCurve envelope = TimeCurve.minimum(baselines);
            String label = "envelope of " + String.join(", ", baselineLabels);
            lines.add(new Plots.Line(label, envelope, -1, true, false, true));
            rows.add(new ComparisonTable.Row(label, envelope, 0, envelope.last(), Double.NaN));
        }
        Plots.writeLogTimeCurves(dir.resolve(PLOT), "train error against time, " + trim(budget) + " s per run", "train error (log scale)", lines);
        String table = ComparisonTable.markdown(rows, budget, targets);
        String text = String.join("\n",
                "Command: `" + command + "`",
                "",
                "Errors are the train error: the " + errorMeasure + ", as metrics.csv's train_error and test_error record them; an optimizer's row is the "
                        + "median over its seeds at each time; the envelope is the lowest baseline (every optimizer but hf) at each time.",
                "",
                table);
        Files.writeString(dir.resolve(TABLE), text, StandardCharsets.UTF_8);
        out.print(table);
        out.println();
        out.println("chart: " + dir.resolve(PLOT) + "; table: " + dir.resolve(TABLE));
        out.flush();
    }

    private Path runDir(Entry e, long seed) {
        return dir.resolve(e.directoryName() + "-seed" + seed);
    }

    private List<String> trainArgs(Entry e, long seed, Path runDir) {
        List<String> args = new ArrayList<>(e.trainArgs());
        args.addAll(List.of("--seed", Long.toString(seed), "--max-seconds", trim(budget)));
        args.addAll(dataArgs);
        if (runDir != null) args.addAll(List.of("--out", runDir.toString()));
        return args;
    }

    private static double median(double[] v) {
        double[] s = Arrays.stream(v).map(x -> Double.isNaN(x) ? Double.POSITIVE_INFINITY : x).sorted().toArray();
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
