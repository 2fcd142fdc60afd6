package dev.pearl.examples.train;

import dev.pearl.hf.cg.CgProgress;

import java.io.PrintWriter;

/**
 * Shows that a long CG solve is moving. On a terminal: one line "CG 37/250 (12s)" rewritten in
 * place. Otherwise (a log file): nothing for solves shorter than a few seconds, then one line
 * that grows by the step count every ten steps ("CG steps 10 20 30, done at 34"), so redirected
 * output stays readable.
 */
final class CgIndicator {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long QUIET_NANOS = 5_000_000_000L;
    private static final int STEPS_PER_MARK = 10;

    private final PrintWriter out;
    private final boolean terminal;
    private long solveStart;
    private long lastDraw;
    private int steps;
    private int drawnWidth;
    private boolean marksStarted;

    CgIndicator(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void step(CgProgress progress) {
        long now = System.nanoTime();
        if (steps == 0) solveStart = now;
        steps = progress.iteration();
        if (terminal) {
            if (now - lastDraw < REDRAW_NANOS) return;
            lastDraw = now;
            String text = String.format("\r  CG %d/%d (%s)", steps, progress.maxIterations(), Format.duration((now - solveStart) * 1e-9));
            out.print(text);
            drawnWidth = Math.max(drawnWidth, text.length());
            out.flush();
        } else if (now - solveStart >= QUIET_NANOS && steps % STEPS_PER_MARK == 0) {
            out.print((marksStarted ? " " : "  CG steps ") + steps);
            marksStarted = true;
            out.flush();
        }
    }

    /** Ends the indicator before the next line of output. */
    void finish() {
        if (terminal && drawnWidth > 0) out.print("\r" + " ".repeat(drawnWidth) + "\r");
        if (!terminal && marksStarted) out.println(", done at " + steps);
        steps = 0;
        drawnWidth = 0;
        marksStarted = false;
        out.flush();
    }
}
