package dev.pearl.examples.compare;

import dev.pearl.examples.report.MetricsTable;
import dev.pearl.examples.report.Plots;
import dev.pearl.examples.report.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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
 * Compares finished (or running) training runs from their metrics.csv: a Markdown table of the
 * errors at fixed times, the median time of an optimizer step split into its parts, and one chart
 * with every run's curves.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Summarise and plot training runs side by side.",
                "Example: pearl compare --plot cmp.png HF=runs/curves-hf SGD=runs/curves-sgd"})
public final class CompareCommand implements Runnable {
    @Parameters(paramLabel = "LABEL=DIR", arity = "1..*", description = "A run directory (holding metrics.csv), optionally labelled.")
    List<String> runs;

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
        try {
            List<RunSummary> summaries = new ArrayList<>();
            List<Plots.Run> curves = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                MetricsTable table = MetricsTable.read(files.get(i));
                summaries.add(new RunSummary(table));
                curves.add(Plots.Run.fromTable(labels.get(i), table));
            }
            out.print(errorTable(labels, summaries));
            out.println();
            out.print(splitTable(labels, summaries));
            if (plot != null) {
                Plots.writeErrorCurves(plot, title, curves, true);
                out.println();
                out.println("chart: " + plot);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
