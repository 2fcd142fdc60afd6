package dev.pearl.hf.cg;

import dev.pearl.Params;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Preconditioned linear conjugate gradient minimising φ(x) = ½ xᵀAx − bᵀx, truncated as in
 * Martens (2010): the relative-progress stop of §4.4, iterates kept at ⌈5·1.3^j⌉ for the
 * backtracking of §4.6, a warm start x0 (§4.5), and a stop on negative curvature so an
 * indefinite operator (an undamped Hessian) never produces an unbounded step.
 */
public final class ConjugateGradient {
    private final CgOptions options;

    /**
     * A solver with the given settings.
     *
     * @param options the settings
     * @throws NullPointerException if options is null
     */
    public ConjugateGradient(CgOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * The settings.
     *
     * @return the options given to the constructor
     */
    public CgOptions options() {
        return options;
    }

    /**
     * Runs CG on A x = b from x0.
     *
     * @param a                     the (damped) curvature operator A
     * @param b                     right-hand side (for Newton steps: minus the gradient)
     * @param x0                    the starting point; a start with φ(x0) > 0 is worse than zero and
     *                              is replaced by zero
     * @param inversePreconditioner applies M⁻¹ (the identity for none)
     * @param progress              called after every step
     *
     * @return the kept iterates, the steps taken and why the solve stopped
     */
    public CgResult minimize(UnaryOperator<Params> a, Params b, Params x0, UnaryOperator<Params> inversePreconditioner,
                             Consumer<CgProgress> progress) {
        b.checkCompatible(x0, "conjugate gradient start");
        int products = 0;
        Params x = x0;
        Params r;
        if (x0.norm() == 0) {
            r = b.scale(-1);
        } else {
            r = a.apply(x0).sub(b);
            products++;
            if (!(quadraticValue(x, r, b) <= 0)) {
                x = b.zerosLike();
                r = b.scale(-1);
            }
        }
        double bNorm = b.norm();
        Params y = inversePreconditioner.apply(r);
        double ry = r.dot(y);
        Params p = y.scale(-1);

        List<Double> values = new ArrayList<>();
        values.add(quadraticValue(x, r, b));
        List<CgIterate> snapshots = new ArrayList<>();
        double nextSnapshot = options.firstSnapshot();
        CgStop stop = CgStop.MAX_ITERATIONS;
        int i = 0;
        while (i < options.maxIterations()) {
            if (ry <= 0 || r.norm() <= options.residualTolerance() * bNorm) {
                stop = CgStop.CONVERGED;
                break;
            }
            Params ap = a.apply(p);
            products++;
            double pap = p.dot(ap);
            if (!Double.isFinite(pap)) {
                stop = CgStop.NON_FINITE;
                break;
            }
            if (pap <= 0) {
                stop = CgStop.NEGATIVE_CURVATURE;
                break;
            }
            double alpha = ry / pap;
            Params xNext = x.axpy(alpha, p);
            Params rNext = r.axpy(alpha, ap);
            double phi = quadraticValue(xNext, rNext, b);
            if (!Double.isFinite(phi)) {
                stop = CgStop.NON_FINITE;
                break;
            }
            x = xNext;
            r = rNext;
            y = inversePreconditioner.apply(r);
            double ryNext = r.dot(y);
            p = p.scale(ryNext / ry).sub(y);
            ry = ryNext;
            i++;
            values.add(phi);
            progress.accept(new CgProgress(i, options.maxIterations(), phi, x));
            if (i == (int) Math.ceil(nextSnapshot)) {
                snapshots.add(new CgIterate(i, x, phi));
                nextSnapshot *= options.snapshotRatio();
            }
            if (madeTooLittleProgress(values, i)) {
                stop = CgStop.RELATIVE_PROGRESS;
                break;
            }
        }
        if (snapshots.isEmpty() || snapshots.get(snapshots.size() - 1).iteration() != i)
            snapshots.add(new CgIterate(i, x, values.get(values.size() - 1)));
        return new CgResult(snapshots, i, stop, products);
    }

    /** Martens (2010) §4.4: stop at i > k when φ_i < 0 and (φ_i − φ_{i−k}) / φ_i < k·ε. */
    private boolean madeTooLittleProgress(List<Double> values, int i) {
        int k = options.progressWindow(i);
        if (i <= k) return false;
        double now = values.get(i);
        return now < 0 && (now - values.get(i - k)) / now < k * options.progressTolerance();
    }

    /** φ(x) = ½ xᵀAx − bᵀx = ½ xᵀ(r − b) with r = Ax − b, so it needs no extra product. */
    private static double quadraticValue(Params x, Params r, Params b) {
        return 0.5 * x.dot(r.sub(b));
    }
}
