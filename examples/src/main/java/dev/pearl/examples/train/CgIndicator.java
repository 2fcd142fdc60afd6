package dev.pearl.examples.train;

import dev.pearl.hf.cg.CgProgress;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * Shows that a long CG solve, or a round of many short ones (stochastic HF), is moving. On a
 * terminal: one line "CG 37/250 (12s)" or "step 12: CG 7/25 (20s)" rewritten in place.
 * Otherwise (a log file): nothing for the first few seconds, then one line that grows every ten
 * CG steps of a single solve ("CG steps 10 20 30, done at 34") or every ten solves of a round
 * ("HF steps 10 20, done after 20 HF steps"), so redirected output stays readable.
 */
final class CgIndicator {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long QUIET_NANOS = 5_000_000_000L;
    private static final int PER_MARK = 10;

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier clock;
    private long start;
    private long lastDraw;
    private int solves;
    private int steps;
    private int drawnWidth;
    private String marks;

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
        if (terminal) {
            if (now - lastDraw < REDRAW_NANOS) return;
            lastDraw = now;
            String time = Format.duration((now - start) * 1e-9);
            String text = solves > 1 ? String.format("\r  step %d: CG %d/%d (%s)", solves, steps, progress.maxIterations(), time)
                    : String.format("\r  CG %d/%d (%s)", steps, progress.maxIterations(), time);
            out.print(text);
            drawnWidth = Math.max(drawnWidth, text.length());
            out.flush();
        } else if (now - start >= QUIET_NANOS) {
            if (solves == 1 && steps % PER_MARK == 0) mark("CG steps", steps);
            else if (solves > 1 && steps == 1 && solves % PER_MARK == 0) mark("HF steps", solves);
        }
    }

    /** Appends a count to the log line, opening it (or switching from CG steps to HF steps) when needed. */
    private void mark(String label, int count) {
        if (!label.equals(marks)) out.print((marks == null ? "  " : "; ") + label);
        out.print(" " + count);
        marks = label;
        out.flush();
    }

    /** Ends the indicator before the next line of output. */
    void finish() {
        if (terminal && drawnWidth > 0) out.print("\r" + " ".repeat(drawnWidth) + "\r");
        if (!terminal && marks != null) out.println(solves > 1 ? ", done after " + solves + " HF steps" : ", done at " + steps);
        solves = 0;
        steps = 0;
        drawnWidth = 0;
        marks = null;
        out.flush();
    }
}
