package dev.pearl.hf;

import dev.pearl.hf.cg.CgOptions;
import dev.pearl.hf.curvature.Curvature;
import dev.pearl.hf.precondition.Preconditioner;

import java.util.Objects;

/**
 * Settings of {@link HessianFree}; {@link #martens()} gives the defaults of Martens (2010).
 *
 * @param curvature       the curvature matrix ({@link Curvature#automatic()}: Gauss-Newton for models)
 * @param damping         the Levenberg-Marquardt rule and λ0
 * @param cg              the truncated CG solver
 * @param warmStartDecay  CG starts from this times the previous solution (0.95; 0 starts from zero)
 * @param preconditioner  M for CG ({@link Preconditioner#martens()})
 * @param backtracking    walk back through kept CG iterates (true)
 * @param lineSearch      the Armijo search on the chosen step
 * @param seed            base seed of the randomised parts (the preconditioner's sign draws)
 * @param structuralDamping μ: for a problem whose model declares structural values, Gauss-Newton
 *                        curvature adds λμ·S (Martens &amp; Sutskever 2011; 1/30 as in their code;
 *                        0 turns it off; no effect on other problems)
 */
public record HfOptions(Curvature curvature, LevenbergMarquardt damping, CgOptions cg, double warmStartDecay,
                        Preconditioner preconditioner, boolean backtracking, ArmijoLineSearch lineSearch, long seed,
                        double structuralDamping) {

    /**
     * Checks the settings.
     *
     * @param curvature       the curvature matrix
     * @param damping         the Levenberg-Marquardt rule and λ0
     * @param cg              the truncated CG solver
     * @param warmStartDecay  the warm start's factor, in [0, 1]
     * @param preconditioner  M for CG
     * @param backtracking    whether to walk back through kept CG iterates
     * @param lineSearch      the Armijo search on the chosen step
     * @param seed            base seed of the randomised parts
     * @param structuralDamping μ, finite and &gt;= 0
     * @throws NullPointerException if an object setting is null
     * @throws IllegalArgumentException if warmStartDecay or structuralDamping is out of range
     */
    public HfOptions {
        Objects.requireNonNull(curvature, "curvature");
        Objects.requireNonNull(damping, "damping");
        Objects.requireNonNull(cg, "cg");
        Objects.requireNonNull(preconditioner, "preconditioner");
        Objects.requireNonNull(lineSearch, "lineSearch");
        if (!(warmStartDecay >= 0 && warmStartDecay <= 1)) throw new IllegalArgumentException("warm-start decay must lie in [0, 1], got " + warmStartDecay);
        checkStructuralDamping(structuralDamping);
    }

    /** μ of Martens &amp; Sutskever (2011) and their released code. */
    public static final double STRUCTURAL_DAMPING = 1.0 / 30;

    /**
     * The one check of μ, which {@link HfSettings} uses too.
     *
     * @param mu μ of structural damping
     * @return mu, when it is finite and &gt;= 0 (0: plain Gauss-Newton)
     * @throws IllegalArgumentException naming mu otherwise
     */
    public static double checkStructuralDamping(double mu) {
        if (!(mu >= 0) || Double.isInfinite(mu)) throw new IllegalArgumentException("structural damping μ must be finite and >= 0, got " + mu);
        return mu;
    }

    /**
     * Martens' (2010) settings: automatic curvature, his damping rule with λ0 = 45, CG as
     * {@link CgOptions#martens()}, warm start 0.95, his preconditioner, backtracking on, his line
     * search, seed 0, and μ = 1/30 for structured models.
     *
     * @return the defaults
     */
    public static HfOptions martens() {
        return new HfOptions(Curvature.automatic(), LevenbergMarquardt.martens(), CgOptions.martens(), 0.95,
                Preconditioner.martens(), true, ArmijoLineSearch.martens(), 0, STRUCTURAL_DAMPING);
    }

    /**
     * These settings with another curvature matrix.
     *
     * @param c the curvature
     * @return new options
     */
    public HfOptions withCurvature(Curvature c) {
        return new HfOptions(c, damping, cg, warmStartDecay, preconditioner, backtracking, lineSearch, seed, structuralDamping);
    }

    /**
     * These settings with another damping rule.
     *
     * @param d the rule, with its λ0
     * @return new options
     */
    public HfOptions withDamping(LevenbergMarquardt d) {
        return new HfOptions(curvature, d, cg, warmStartDecay, preconditioner, backtracking, lineSearch, seed, structuralDamping);
    }

    /**
     * These settings with another λ0, the damping rule otherwise unchanged.
     *
     * @param lambda λ0, finite, &gt; 0 and not below the rule's floor
     * @return new options
     * @throws IllegalArgumentException if lambda is out of range
     */
    public HfOptions withInitialLambda(double lambda) {
        return withDamping(damping.withInitialLambda(lambda));
    }

    /**
     * These settings with another CG solver.
     *
     * @param c the solver's settings
     * @return new options
     */
    public HfOptions withCg(CgOptions c) {
        return new HfOptions(curvature, damping, c, warmStartDecay, preconditioner, backtracking, lineSearch, seed, structuralDamping);
    }

    /**
     * These settings with another warm-start factor.
     *
     * @param decay CG starts from decay times the previous solution, in [0, 1]
     * @return new options
     * @throws IllegalArgumentException if decay is out of range
     */
    public HfOptions withWarmStartDecay(double decay) {
        return new HfOptions(curvature, damping, cg, decay, preconditioner, backtracking, lineSearch, seed, structuralDamping);
    }

    /**
     * These settings with another preconditioner.
     *
     * @param p M for CG
     * @return new options
     */
    public HfOptions withPreconditioner(Preconditioner p) {
        return new HfOptions(curvature, damping, cg, warmStartDecay, p, backtracking, lineSearch, seed, structuralDamping);
    }

    /**
     * These settings with CG-backtracking on or off.
     *
     * @param on whether to walk back through kept CG iterates
     * @return new options
     */
    public HfOptions withBacktracking(boolean on) {
        return new HfOptions(curvature, damping, cg, warmStartDecay, preconditioner, on, lineSearch, seed, structuralDamping);
    }

    /**
     * These settings with another line search.
     *
     * @param search the Armijo search
     * @return new options
     */
    public HfOptions withLineSearch(ArmijoLineSearch search) {
        return new HfOptions(curvature, damping, cg, warmStartDecay, preconditioner, backtracking, search, seed, structuralDamping);
    }

    /**
     * These settings with another base seed.
     *
     * @param s the seed of the randomised parts
     * @return new options
     */
    public HfOptions withSeed(long s) {
        return new HfOptions(curvature, damping, cg, warmStartDecay, preconditioner, backtracking, lineSearch, s, structuralDamping);
    }

    /**
     * μ of structural damping (0: off).
     *
     * @param mu μ, finite and &gt;= 0
     * @return new options
     * @throws IllegalArgumentException if mu is out of range
     */
    public HfOptions withStructuralDamping(double mu) {
        return new HfOptions(curvature, damping, cg, warmStartDecay, preconditioner, backtracking, lineSearch, seed, mu);
    }
}
