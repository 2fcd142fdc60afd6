package dev.pearl.examples.compare;

import dev.pearl.examples.report.MetricsTable;
import dev.pearl.examples.report.Plots;
import dev.pearl.examples.report.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import dev.pearl.examples.train.RunDataOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares training runs. Given run directories, it summarises them from their metrics.csv: a
 * Markdown table of the errors at fixed times, the median time of an optimizer step split into its
 * parts, and one chart with every run's curves. Given optimizers (--optimizers, --settings), it
 * first trains each for the same wall time on each seed ({@link OptimizerRace}).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Summarise and plot training runs side by side, or run optimizers for equal wall time and compare them.",
                "Example: pearl compare --plot cmp.png HF=runs/curves-hf SGD=runs/curves-sgd",
                "Example: pearl compare --optimizers hf,sgd --settings tuning/adam.properties --seeds 1,2,3 --budget 600 --targets 20,10 "
                        + "--train-size 5000 --test-size 1000 --out cmp",
                "Running optimizers writes DIR/comparison.png (train error against log time: each optimizer's median over the seeds, single "
                        + "runs thin, the envelope of the baselines dashed) and DIR/comparison.md (train error at 1, 2, 5, 10, 20 and 30 minutes "
                        + "within the budget, time to reach each --targets error, final train and test error). Errors are squared errors "
                        + "per image summed over pixels, no 1/2 (Martens 2010's measure); with --task, the fractions of sequences not solved.",
                "Example: pearl compare --optimizers hf,nesterov,adam --task addition --length 100 --seeds 1,2,3 --budget 600 --out addition-100"})
public final class CompareCommand implements Runnable {
    @Parameters(paramLabel = "LABEL=DIR", arity = "0..*", description = "A run directory (holding metrics.csv) to summarise, optionally labelled.")
    List<String> runs = new ArrayList<>();

    @Option(names = "--optimizers", paramLabel = "LIST", split = ",", description = "Run these optimizers with their defaults: hf, sgd, "
            + "nesterov, adam, rmsprop, lbfgs.")
    List<String> optimizers = new ArrayList<>();

    @Option(names = "--settings", paramLabel = "FILE", description = "Run the optimizer of this 'pearl tune' file with its chosen settings "
            + "(repeatable).")
    List<Path> settings = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "LIST", split = ",", description = "Seeds, one run of every optimizer each (default: ${DEFAULT-VALUE}).")
    List<Long> seeds = List.of(1L);

    @Option(names = "--budget", paramLabel = "S", description = "Seconds of run time per run (default: ${DEFAULT-VALUE}).")
    double budget = 600;

    @Option(names = "--targets", paramLabel = "ERRORS", split = ",", description = "Train errors whose first reaching the table times.")
    List<Double> targets = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Where the runs, the chart and the table go (default: comparison).")
    Path out = Path.of("comparison");

    @Mixin
    RunDataOptions data = new RunDataOptions();

    @Option(names = "--at", paramLabel = "MINUTES", split = ",", description = "Times to report errors at (default: ${DEFAULT-VALUE}).")
    List<Double> minutes = List.of(1.0, 5.0, 10.0, 30.0);

    @Option(names = "--plot", paramLabel = "PNG", description = "Also draw train (solid) and test (dashed) error against time for all runs.")
    Path plot;

    @Option(names = "--title", description = "Chart title (default: ${DEFAULT-VALUE}).")
    String title = "error against wall-clock time";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        boolean race = !optimizers.isEmpty() || !settings.isEmpty();
        if (race == !runs.isEmpty())
            throw new IllegalArgumentException(race ? "give either run directories to summarise or optimizers to run (--optimizers, --settings), not both"
                    : "nothing to compare: give run directories (LABEL=DIR) or optimizers to run (--optimizers, --settings)");
        try {
            if (race) race();
            else summarise();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void race() throws IOException {
        List<OptimizerRace.Entry> entries = new ArrayList<>();
        for (String name : optimizers) entries.add(new OptimizerRace.Entry(name.trim().toLowerCase(Locale.ROOT), null));
        for (Path file : settings) entries.add(OptimizerRace.tuned(file));
        String command = "pearl compare " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        new OptimizerRace(entries, seeds, budget, data.trainArguments(), targets, data.errorMeasure(), out).run(spec.commandLine().getOut(), command);
    }

    private void summarise() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<String> labels = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String run : runs) {
            int eq = run.indexOf('=');
            Path dir = Path.of(eq < 0 ? run : run.substring(eq + 1));
            Path csv = Files.isDirectory(dir) ? dir.resolve("metrics.csv") : dir;
            labels.add(eq < 0 ? dir.getFileName().toString() : run.substring(0, eq));
            files.add(csv);
        }
        List<RunSummary> summaries = new ArrayList<>();
        List<Plots.Run> curves = new ArrayList<>();
        List<MetricsTable> tables = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            MetricsTable table = MetricsTable.read(files.get(i));
            tables.add(table);
            summaries.add(new RunSummary(table));
            curves.add(Plots.Run.fromTable(labels.get(i), table));
        }
        out.print(errorTable(labels, summaries));
        out.println();
        out.print(splitTable(labels, summaries));
        if (plot != null) {
            Plots.writeErrorCurves(plot, title, Plots.errorAxis(tables), curves, true);
            out.println();
            out.println("chart: " + plot);
        }
        out.flush();
    }

    String errorTable(List<String> labels, List<RunSummary> summaries) {
        StringBuilder out = new StringBuilder("| run | iterations |");
        for (double m : minutes) out.append(String.format(Locale.ROOT, " %s min |", trim(m)));
        out.append(" last (time) | lowest train (test) |\n|---|---|").append("---|".repeat(minutes.size())).append("---|---|\n");
        for (int i = 0; i < labels.size(); i++) {
            RunSummary s = summaries.get(i);
            out.append("| ").append(labels.get(i)).append(" | ").append(s.iterations()).append(" |");
            for (double m : minutes) out.append(' ').append(pair(s.at(60 * m))).append(" |");
            RunSummary.Errors last = s.last(), best = s.bestTrain();
            out.append(' ').append(pair(last)).append(String.format(Locale.ROOT, " (%.1f min) |", last.seconds() / 60));
            out.append(String.format(Locale.ROOT, " %.3f (%.3f) |%n", best.train(), best.test()));
        }
        return out.toString();
    }

    static String splitTable(List<String> labels, List<RunSummary> summaries) {
        StringBuilder out = new StringBuilder("| run | steps per row | median step (s) | gradient (s) | CG (s) | Gv products | line search (s) |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < labels.size(); i++) {
            RunSummary.Split s = summaries.get(i).split();
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", labels.get(i), num(s.stepsPerRow()), num(s.stepSeconds()),
                    num(s.gradientSeconds()), num(s.cgSeconds()), num(s.curvatureProducts()), num(s.lineSearchSeconds())));
        }
        return out.toString();
    }

    private static String pair(RunSummary.Errors e) {
        return Double.isNaN(e.train()) ? "-" : String.format(Locale.ROOT, "%.3f / %.3f", e.train(), e.test());
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String trim(double m) {
        return m == Math.rint(m) ? Long.toString((long) m) : Double.toString(m);
    }
}
