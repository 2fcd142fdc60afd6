package dev.pearl.hf.lbfgs;

import dev.pearl.Params;

import java.util.ArrayList;
import java.util.List;

/**
 * L-BFGS's memory: the last m pairs s = θ_{k+1} − θ_k, y = g_{k+1} − g_k (oldest first), and the
 * two-loop recursion (Nocedal &amp; Wright 2006, Algorithm 7.4) that multiplies a vector by the
 * inverse-Hessian approximation they define, starting from H0 = γI with
 * γ = sᵀy / yᵀy of the newest pair (Nocedal &amp; Wright, eq. 7.20).
 *
 * @param steps           the steps s, oldest first (copied)
 * @param gradientChanges the gradient changes y, in the same order (copied)
 */
public record CurvaturePairs(List<Params> steps, List<Params> gradientChanges) {
    /** A pair enters only when sᵀy exceeds this times |s||y|: the update keeps H positive definite with a margin. */
    static final double MIN_CURVATURE = 1e-8;

    /**
     * Copies and checks the pairs.
     *
     * @param steps           the steps s, oldest first
     * @param gradientChanges the gradient changes y, one per step and compatible with it
     * @throws IllegalArgumentException if the lists differ in length or a pair is not compatible
     */
    public CurvaturePairs {
        steps = List.copyOf(steps);
        gradientChanges = List.copyOf(gradientChanges);
        if (steps.size() != gradientChanges.size())
            throw new IllegalArgumentException("L-BFGS history needs as many gradient changes as steps, got " + gradientChanges.size() + " and " + steps.size());
        for (int i = 0; i < steps.size(); i++) steps.get(i).checkCompatible(gradientChanges.get(i), "L-BFGS pair " + i);
    }

    /**
     * No pairs: H is the identity.
     *
     * @return the empty history
     */
    public static CurvaturePairs empty() {
        return new CurvaturePairs(List.of(), List.of());
    }

    /**
     * The number of pairs held.
     *
     * @return the count
     */
    public int size() {
        return steps.size();
    }

    /**
     * Whether no pair is held.
     *
     * @return size() == 0
     */
    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /**
     * The history with (s, y) appended and the oldest pairs dropped beyond {@code capacity}; the
     * history unchanged when sᵀy ≤ {@link #MIN_CURVATURE}·|s||y| (or is not finite), since such a
     * pair would make H indefinite.
     *
     * @param s the step
     * @param y the gradient change, compatible with s
     * @param capacity the most pairs kept, m
     * @return the new history, or this one when the pair was refused
     */
    public CurvaturePairs add(Params s, Params y, int capacity) {
        double sy = s.dot(y);
        if (!(sy > MIN_CURVATURE * s.norm() * y.norm()) || Double.isInfinite(sy)) return this;
        List<Params> newSteps = new ArrayList<>(steps), newChanges = new ArrayList<>(gradientChanges);
        newSteps.add(s);
        newChanges.add(y);
        while (newSteps.size() > capacity) {
            newSteps.remove(0);
            newChanges.remove(0);
        }
        return new CurvaturePairs(newSteps, newChanges);
    }

    /**
     * H·g by the two-loop recursion; g itself when the history is empty.
     *
     * @param g a vector compatible with the pairs
     * @return H g
     */
    public Params inverseHessianTimes(Params g) {
        int k = size();
        if (k == 0) return g;
        double[] rho = new double[k], a = new double[k];
        Params q = g;
        for (int i = k - 1; i >= 0; i--) {
            rho[i] = 1 / gradientChanges.get(i).dot(steps.get(i));
            a[i] = rho[i] * steps.get(i).dot(q);
            q = q.axpy(-a[i], gradientChanges.get(i));
        }
        Params newestY = gradientChanges.get(k - 1);
        Params r = q.scale(steps.get(k - 1).dot(newestY) / newestY.dot(newestY));
        for (int i = 0; i < k; i++) {
            double b = rho[i] * gradientChanges.get(i).dot(r);
            r = r.axpy(a[i] - b, steps.get(i));
        }
        return r;
    }
}
