package dev.pearl.examples.train;

import dev.pearl.hf.cg.CgProgress;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows that a long CG solve, or a round of many short ones (stochastic HF), is moving. On a
 * terminal: one line "CG 37/250 (12s)" or "step 12: CG 7/25 (20s)" rewritten in place.
 * Otherwise (a log file, a pipe): nothing for the first few seconds, then a whole line every ten
 * CG steps of a single solve ("CG 30/250 (12s)") or every ten solves of a round
 * ("HF step 20 (41s)"), so that redirected output only ever holds complete lines.
 */
final class CgIndicator {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long QUIET_NANOS = 5_000_000_000L;
    private static final int PER_LINE = 10;

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier clock;
    private long start;
    private long lastDraw;
    private int solves;
    private int steps;
    private int drawnWidth;

    CgIndicator(PrintWriter out, boolean terminal) {
        this(out, terminal, System::nanoTime);
    }

    CgIndicator(PrintWriter out, boolean terminal, LongSupplier nanoClock) {
        this.out = out;
        this.terminal = terminal;
        this.clock = nanoClock;
    }

    void step(CgProgress progress) {
        long now = clock.getAsLong();
        if (progress.iteration() == 1 || solves == 0) {
            if (solves == 0) start = now;
            solves++;
        }
        steps = progress.iteration();
        String time = Format.duration((now - start) * 1e-9);
        if (terminal) {
            if (now - lastDraw < REDRAW_NANOS) return;
            lastDraw = now;
            String text = solves > 1 ? String.format(Locale.ROOT, "\r  step %d: CG %d/%d (%s)", solves, steps, progress.maxIterations(), time)
                    : String.format(Locale.ROOT, "\r  CG %d/%d (%s)", steps, progress.maxIterations(), time);
            out.print(text);
            drawnWidth = Math.max(drawnWidth, text.length());
            out.flush();
        } else if (now - start >= QUIET_NANOS) {
            if (solves == 1 && steps % PER_LINE == 0)
                logLine(String.format(Locale.ROOT, "  CG %d/%d (%s)", steps, progress.maxIterations(), time));
            else if (solves > 1 && steps == 1 && solves % PER_LINE == 0)
                logLine(String.format(Locale.ROOT, "  HF step %d (%s)", solves, time));
        }
    }

    private void logLine(String text) {
        out.println(text);
        out.flush();
    }

    /** Ends the indicator before the next line of output. */
    void finish() {
        if (terminal && drawnWidth > 0) out.print("\r" + " ".repeat(drawnWidth) + "\r");
        solves = 0;
        steps = 0;
        drawnWidth = 0;
        out.flush();
    }
}
