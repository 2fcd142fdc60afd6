package dev.pearl.hf.cg;

import java.util.List;

/**
 * The outcome of a CG solve.
 *
 * @param snapshots the iterates kept for backtracking, in order; the last one is always the final
 *                  iterate
 * @param iterations CG steps taken
 * @param stop       why it stopped
 * @param products   operator applications made (steps, plus one for a nonzero start)
 */
public record CgResult(List<CgIterate> snapshots, int iterations, CgStop stop, int products) {

    /**
     * Copies and checks the result.
     *
     * @param snapshots  the kept iterates, at least one
     * @param iterations CG steps taken
     * @param stop       why it stopped
     * @param products   operator applications made
     * @throws IllegalArgumentException if snapshots is empty
     */
    public CgResult {
        snapshots = List.copyOf(snapshots);
        if (snapshots.isEmpty()) throw new IllegalArgumentException("a CG result has at least its final iterate");
    }

    /**
     * The final iterate.
     *
     * @return the last snapshot
     */
    public CgIterate last() {
        return snapshots.get(snapshots.size() - 1);
    }
}
