package dev.pearl.hf.sgd;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MomentumScheduleTest {
    /** Sutskever et al. (2013), §3, as printed: 1 − 2^(−1 − log2(⌊t/250⌋ + 1)). */
    private static double paper(long t) {
        return 1 - Math.pow(2, -1 - Math.log(Math.floorDiv(t, 250L) + 1) / Math.log(2));
    }

    /** Several ulps of 1: what the printed form loses to rounding in pow and log. */
    private static final double ROUNDING = 8 * Math.ulp(1.0);

    @Test
    void risesInStagesOf250StepsFromOneHalf() {
        MomentumSchedule schedule = MomentumSchedule.sutskever(0.999);
        // ⌊t/250⌋ + 1 = k gives 1 − 1/(2k).
        long[] steps = {0, 249, 250, 499, 500, 750, 999, 1750, 24_999};
        double[] hand = {0.5, 0.5, 0.75, 0.75, 1 - 1.0 / 6, 0.875, 0.875, 1 - 1.0 / 16, 1 - 1.0 / 200};
        for (int i = 0; i < steps.length; i++) {
            assertEquals(hand[i], schedule.at(steps[i]), ROUNDING, "μ at t = " + steps[i]);
            assertEquals(paper(steps[i]), schedule.at(steps[i]), ROUNDING, "the paper's formula at t = " + steps[i]);
        }
    }

    @Test
    void isCappedAtTheMaximumMomentum() {
        MomentumSchedule schedule = MomentumSchedule.sutskever(0.9);
        assertEquals(0.875, schedule.at(750), ROUNDING, "below the cap");
        assertEquals(0.9, schedule.at(1000), "1 − 1/10 reaches the cap");
        assertEquals(0.9, schedule.at(1250), "1 − 1/12 is capped");
        assertEquals(0.9, schedule.at(Long.MAX_VALUE));
        assertEquals(0.3, MomentumSchedule.sutskever(0.3).at(0), "a cap below 0.5 holds from the start");
    }

    @Property(tries = 500)
    void agreesWithThePapersFormulaAndNeverFalls(@ForAll @LongRange(min = 0, max = 100_000_000) long t,
                                                 @ForAll @DoubleRange(min = 0, max = 0.9999) @Scale(6) double maxMomentum) {
        MomentumSchedule schedule = MomentumSchedule.sutskever(maxMomentum);
        assertEquals(Math.min(paper(t), maxMomentum), schedule.at(t), ROUNDING);
        assertTrue(schedule.at(t + 1) >= schedule.at(t));
        assertTrue(schedule.at(t) <= maxMomentum);
    }

    @Test
    void aMaximumOutsideZeroToOneIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MomentumSchedule.sutskever(1.0));
        assertEquals("maximum momentum must lie in [0, 1), got 1.0", e.getMessage());
        assertEquals("momentum must lie in [0, 1), got -0.1",
                assertThrows(IllegalArgumentException.class, () -> MomentumSchedule.constant(-0.1)).getMessage());
    }
}
