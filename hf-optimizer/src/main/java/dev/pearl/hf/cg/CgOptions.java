package dev.pearl.hf.cg;

/**
 * Settings of the truncated conjugate-gradient solver, defaulting to Martens (2010), §4.4–4.6.
 *
 * @param maxIterations          at most this many CG steps (Martens: 250)
 * @param minProgressWindow      the relative-progress rule looks back k = max(this, ⌈fraction·i⌉) steps (10)
 * @param progressWindowFraction the growing part of that window (0.1)
 * @param progressTolerance      ε: stop when the last k steps reduced φ by less than k·ε relative (5e-4)
 * @param firstSnapshot          iterates are kept for backtracking at ⌈first·ratio^j⌉ (5)
 * @param snapshotRatio          the ratio between kept iterates' steps (1.3)
 * @param residualTolerance      also stop once ‖Ax − b‖ ≤ this·‖b‖; not in the paper, it only
 *                               ends solves that reached machine precision (1e-10; 0 disables)
 */
public record CgOptions(int maxIterations, int minProgressWindow, double progressWindowFraction, double progressTolerance,
                        double firstSnapshot, double snapshotRatio, double residualTolerance) {

    /**
     * Checks the settings.
     *
     * @param maxIterations          &gt;= 1
     * @param minProgressWindow      &gt;= 1
     * @param progressWindowFraction &gt;= 0
     * @param progressTolerance      &gt;= 0
     * @param firstSnapshot          &gt;= 1
     * @param snapshotRatio          &gt; 1
     * @param residualTolerance      &gt;= 0
     * @throws IllegalArgumentException naming the first value out of range
     */
    public CgOptions {
        if (maxIterations < 1) throw new IllegalArgumentException("CG maxIterations must be >= 1, got " + maxIterations);
        if (minProgressWindow < 1) throw new IllegalArgumentException("CG minProgressWindow must be >= 1, got " + minProgressWindow);
        if (!(progressWindowFraction >= 0)) throw new IllegalArgumentException("CG progressWindowFraction must be >= 0, got " + progressWindowFraction);
        if (!(progressTolerance >= 0)) throw new IllegalArgumentException("CG progressTolerance must be >= 0, got " + progressTolerance);
        if (!(firstSnapshot >= 1)) throw new IllegalArgumentException("CG firstSnapshot must be >= 1, got " + firstSnapshot);
        if (!(snapshotRatio > 1)) throw new IllegalArgumentException("CG snapshotRatio must be > 1, got " + snapshotRatio);
        if (!(residualTolerance >= 0)) throw new IllegalArgumentException("CG residualTolerance must be >= 0, got " + residualTolerance);
    }

    /**
     * Martens' settings: 250 steps, window max(10, ⌈0.1·i⌉), ε = 5e-4, snapshots at ⌈5·1.3^j⌉,
     * and a residual tolerance of 1e-10.
     *
     * @return the defaults
     */
    public static CgOptions martens() {
        return new CgOptions(250, 10, 0.1, 5e-4, 5, 1.3, 1e-10);
    }

    /**
     * k at step i: max(minProgressWindow, ⌈fraction·i⌉), with a guard against 0.1·30 = 3.0000000000000004.
     *
     * @param iteration the CG step i
     * @return the window k
     */
    public int progressWindow(int iteration) {
        return Math.max(minProgressWindow, (int) Math.ceil(progressWindowFraction * iteration * (1 - 1e-12)));
    }

    /**
     * These settings with another step cap.
     *
     * @param n CG steps at most, &gt;= 1
     * @return new settings
     * @throws IllegalArgumentException if n is below 1
     */
    public CgOptions withMaxIterations(int n) {
        return new CgOptions(n, minProgressWindow, progressWindowFraction, progressTolerance, firstSnapshot, snapshotRatio, residualTolerance);
    }

    /**
     * These settings with another relative-progress tolerance.
     *
     * @param epsilon ε, &gt;= 0 (0: the rule never stops the solve)
     * @return new settings
     * @throws IllegalArgumentException if epsilon is negative or NaN
     */
    public CgOptions withProgressTolerance(double epsilon) {
        return new CgOptions(maxIterations, minProgressWindow, progressWindowFraction, epsilon, firstSnapshot, snapshotRatio, residualTolerance);
    }

    /**
     * These settings with another progress window.
     *
     * @param min the smallest window, &gt;= 1
     * @param fraction the growing part, &gt;= 0
     * @return new settings
     * @throws IllegalArgumentException if a value is out of range
     */
    public CgOptions withProgressWindow(int min, double fraction) {
        return new CgOptions(maxIterations, min, fraction, progressTolerance, firstSnapshot, snapshotRatio, residualTolerance);
    }

    /**
     * These settings with other snapshot steps for backtracking.
     *
     * @param first the first kept step, &gt;= 1
     * @param ratio the ratio between kept steps, &gt; 1
     * @return new settings
     * @throws IllegalArgumentException if a value is out of range
     */
    public CgOptions withSnapshots(double first, double ratio) {
        return new CgOptions(maxIterations, minProgressWindow, progressWindowFraction, progressTolerance, first, ratio, residualTolerance);
    }

    /**
     * These settings with another residual tolerance.
     *
     * @param tolerance stop once ‖Ax − b‖ ≤ tolerance·‖b‖, &gt;= 0 (0 disables)
     * @return new settings
     * @throws IllegalArgumentException if tolerance is negative or NaN
     */
    public CgOptions withResidualTolerance(double tolerance) {
        return new CgOptions(maxIterations, minProgressWindow, progressWindowFraction, progressTolerance, firstSnapshot, snapshotRatio, tolerance);
    }
}
