package dev.pearl.hf.sgd;

import dev.pearl.hf.train.SettingChecks;

/** The momentum coefficient μ_t at step t (counting from 0): a constant, or Sutskever et al.'s rising schedule. */
public sealed interface MomentumSchedule {
    /**
     * μ at one step.
     *
     * @param step the step, from 0
     * @return μ_t, in [0, 1)
     */
    double at(long step);

    /**
     * The same μ at every step.
     *
     * @param momentum μ, in [0, 1)
     */
    record Constant(double momentum) implements MomentumSchedule {
        /**
         * Checks μ.
         *
         * @param momentum μ, in [0, 1)
         * @throws IllegalArgumentException if momentum is out of range
         */
        public Constant {
            SettingChecks.fraction("momentum", momentum);
        }

        @Override
        public double at(long step) {
            return momentum;
        }
    }

    /**
     * Sutskever, Martens, Dahl &amp; Hinton (2013), §3: μ_t = min(1 − 2^(−1 − log2(⌊t/250⌋ + 1)), μ_max),
     * rising from 0.5 towards μ_max as training proceeds. Since 2^(−1 − log2 k) = 1/(2k), it is
     * computed as 1 − 1/(2(⌊t/250⌋ + 1)), which is exact where the paper's form rounds.
     *
     * @param maxMomentum μ_max, in [0, 1)
     */
    record Sutskever(double maxMomentum) implements MomentumSchedule {
        /** Steps between two rises of μ. */
        public static final int STEPS_PER_RISE = 250;

        /**
         * Checks μ_max.
         *
         * @param maxMomentum μ_max, in [0, 1)
         * @throws IllegalArgumentException if maxMomentum is out of range
         */
        public Sutskever {
            SettingChecks.fraction("maximum momentum", maxMomentum);
        }

        @Override
        public double at(long step) {
            if (step < 0) throw new IllegalArgumentException("step must be >= 0, got " + step);
            return Math.min(1 - 0.5 / (step / STEPS_PER_RISE + 1), maxMomentum);
        }
    }

    /**
     * The same μ at every step.
     *
     * @param mu μ, in [0, 1)
     * @return the schedule
     * @throws IllegalArgumentException if mu is out of range
     */
    static MomentumSchedule constant(double mu) {
        return new Constant(mu);
    }

    /**
     * Sutskever et al.'s rising schedule.
     *
     * @param maxMomentum μ_max, in [0, 1)
     * @return the schedule
     * @throws IllegalArgumentException if maxMomentum is out of range
     */
    static MomentumSchedule sutskever(double maxMomentum) {
        return new Sutskever(maxMomentum);
    }
}
