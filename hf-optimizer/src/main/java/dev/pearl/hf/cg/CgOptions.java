package dev.pearl.hf.cg;

/**
 * Settings of the truncated conjugate-gradient solver, defaulting to Martens (2010), §4.4–4.6.
 *
 * @param maxIterations          at most this many CG steps (Martens: 250)
 * @param minProgressWindow      the relative-progress rule looks back k = max(this, ⌈fraction·i⌉) steps (10)
 * @param progressWindowFraction the growing part of that window (0.1)
 * @param progressTolerance      ε: stop when the last k steps reduced φ by less than k·ε relative (5e-4)
 * @param firstSnapshot          iterates are kept for backtracking at ⌈first·ratio^j⌉ (5)
 * @param snapshotRatio          ... (1.3)
 * @param residualTolerance      also stop once ‖Ax − b‖ ≤ this·‖b‖; not in the paper, it only
 *                               ends solves that reached machine precision (1e-10; 0 disables)
 */
public record CgOptions(int maxIterations, int minProgressWindow, double progressWindowFraction, double progressTolerance,
                        double firstSnapshot, double snapshotRatio, double residualTolerance) {

    public CgOptions {
        if (maxIterations < 1) throw new IllegalArgumentException("CG maxIterations must be >= 1, got " + maxIterations);
        if (minProgressWindow < 1) throw new IllegalArgumentException("CG minProgressWindow must be >= 1, got " + minProgressWindow);
        if (!(progressWindowFraction >= 0)) throw new IllegalArgumentException("CG progressWindowFraction must be >= 0, got " + progressWindowFraction);
        if (!(progressTolerance >= 0)) throw new IllegalArgumentException("CG progressTolerance must be >= 0, got " + progressTolerance);
        if (!(firstSnapshot >= 1)) throw new IllegalArgumentException("CG firstSnapshot must be >= 1, got " + firstSnapshot);
        if (!(snapshotRatio > 1)) throw new IllegalArgumentException("CG snapshotRatio must be > 1, got " + snapshotRatio);
        if (!(residualTolerance >= 0)) throw new IllegalArgumentException("CG residualTolerance must be >= 0, got " + residualTolerance);
    }

    public static CgOptions martens() {
        return new CgOptions(250, 10, 0.1, 5e-4, 5, 1.3, 1e-10);
    }

    /** k at step i: max(minProgressWindow, ⌈fraction·i⌉), with a guard against 0.1·30 = 3.0000000000000004. */
    public int progressWindow(int iteration) {
        return Math.max(minProgressWindow, (int) Math.ceil(progressWindowFraction * iteration * (1 - 1e-12)));
    }

    public CgOptions withMaxIterations(int n) {
        return new CgOptions(n, minProgressWindow, progressWindowFraction, progressTolerance, firstSnapshot, snapshotRatio, residualTolerance);
    }

    public CgOptions withProgressTolerance(double epsilon) {
        return new CgOptions(maxIterations, minProgressWindow, progressWindowFraction, epsilon, firstSnapshot, snapshotRatio, residualTolerance);
    }

    public CgOptions withProgressWindow(int min, double fraction) {
        return new CgOptions(maxIterations, min, fraction, progressTolerance, firstSnapshot, snapshotRatio, residualTolerance);
    }

    public CgOptions withSnapshots(double first, double ratio) {
        return new CgOptions(maxIterations, minProgressWindow, progressWindowFraction, progressTolerance, first, ratio, residualTolerance);
    }

    public CgOptions withResidualTolerance(double tolerance) {
        return new CgOptions(maxIterations, minProgressWindow, progressWindowFraction, progressTolerance, firstSnapshot, snapshotRatio, tolerance);
    }
}
