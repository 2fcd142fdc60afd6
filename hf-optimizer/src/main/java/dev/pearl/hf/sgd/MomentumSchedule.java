package dev.pearl.hf.sgd;

/** The momentum coefficient μ_t at step t (counting from 0). */
@FunctionalInterface
public interface MomentumSchedule {
    double at(long step);

    static MomentumSchedule constant(double mu) {
        check(mu);
        return step -> mu;
    }

    /**
     * Sutskever, Martens, Dahl &amp; Hinton (2013), §3: μ_t = min(1 − 2^(−1 − log2(⌊t/250⌋ + 1)), μ_max),
     * rising from 0.5 towards μ_max as training proceeds.
     */
    static MomentumSchedule sutskever(double maxMomentum) {
        check(maxMomentum);
        return step -> Math.min(1 - Math.pow(2, -1 - log2(Math.floorDiv(step, 250L) + 1)), maxMomentum);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static void check(double mu) {
        if (!(mu >= 0 && mu < 1)) throw new IllegalArgumentException("momentum must lie in [0, 1), got " + mu);
    }
}
