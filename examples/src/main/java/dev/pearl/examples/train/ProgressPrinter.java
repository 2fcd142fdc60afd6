package dev.pearl.examples.train;

import dev.pearl.hf.cg.CgProgress;

import java.io.PrintWriter;
import java.util.Locale;

/** The progress lines: a header, then one line per iteration, with a CG indicator between them. */
final class ProgressPrinter {
    private final PrintWriter out;
    private final CgIndicator cg;

    ProgressPrinter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.cg = new CgIndicator(out, terminal);
    }

    /** measureColumns: the headings of the measurements (e.g. train and test error), as wide as their values. */
    void header(String measureColumns, String optimizerColumns) {
        out.println(String.format(Locale.ROOT, "%5s %8s %s | %s", "iter", "time", measureColumns, optimizerColumns));
        out.flush();
    }

    void iteration(int iteration, double elapsedSeconds, String measurements, IterationDetails details) {
        cg.finish();
        out.println(String.format(Locale.ROOT, "%5d %8s %s | %s", iteration, Format.duration(elapsedSeconds), measurements, details.progress()));
        out.flush();
    }

    void cgStep(CgProgress progress) {
        cg.step(progress);
    }

    void line(String text) {
        cg.finish();
        out.println(text);
        out.flush();
    }
}
