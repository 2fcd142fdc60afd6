package dev.pearl.examples.train;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TuningGridTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final GridAxis RATES = new GridAxis("--learning-rate", List.of(1e-3, 3e-3, 1e-2), false, false);

    private static TuningGrid.Verdict judge(TuningGrid grid, double... scores) {
        return grid.judge(grid.points(), scores, "train error");
    }

    @Test
    void theLowestScoreInsideTheGridIsChosen() {
        TuningGrid grid = new TuningGrid(List.of(RATES));
        TuningGrid.Verdict v = judge(grid, 5, 3, 4);
        assertFalse(v.refused());
        assertEquals(1, v.chosen());
        assertEquals(List.of("--learning-rate", "0.003"), grid.flags(grid.points().get(v.chosen())));
    }

    @Test
    void aWinnerOnTheUpperEdgeIsRefusedWithTheGridExtendedPastIt() {
        TuningGrid.Verdict v = judge(new TuningGrid(List.of(RATES)), 5, 4, 3);
        assertTrue(v.refused());
        assertTrue(v.refusal().contains("--learning-rate 0.01 on the grid's upper edge"), v.refusal());
        assertTrue(v.refusal().contains("--grid learning-rate=0.001,0.003,0.01,0.03,0.1"), v.refusal());
        assertEquals(1, v.refusal().lines().count());
    }

    @Test
    void aWinnerOnTheLowerEdgeIsRefusedWithTheGridExtendedBelowIt() {
        TuningGrid.Verdict v = judge(new TuningGrid(List.of(RATES)), 3, 4, 5);
        assertTrue(v.refused());
        assertTrue(v.refusal().contains("--learning-rate 0.001 on the grid's lower edge"), v.refusal());
        assertTrue(v.refusal().contains("--grid learning-rate=1e-4,3e-4,0.001,0.003,0.01"), v.refusal());
        assertTrue(v.refusal().contains("train error 3"), v.refusal());
        TuningGrid grid = new TuningGrid(List.of(RATES));
        String byLoss = grid.judge(grid.points(), new double[]{3, 4, 5}, "train loss").refusal();
        assertTrue(byLoss.contains("train loss 3") && !byLoss.contains("train error"), byLoss);
    }

    @Test
    void momentumExtendsByHalfDecadesOfOneMinusMu() {
        GridAxis mu = new GridAxis("--max-momentum", DefaultGrids.MOMENTA, false, true);
        TuningGrid grid = new TuningGrid(List.of(RATES, mu));
        double[] scores = new double[12];
        java.util.Arrays.fill(scores, 10);
        scores[4 + 3] = 1; // learning rate 0.003 (inside), momentum 0.999 (upper edge)
        TuningGrid.Verdict v = grid.judge(grid.points(), scores, "train error");
        assertTrue(v.refused());
        assertTrue(v.refusal().contains("--max-momentum 0.999 on the grid's upper edge"), v.refusal());
        assertTrue(v.refusal().contains("--grid max-momentum=0.9,0.99,0.995,0.999,0.9997,0.9999"), v.refusal());
        assertFalse(v.refusal().contains("learning-rate="), "the learning rate lies inside its axis: " + v.refusal());
    }

    @Test
    void ofEqualScoresTheTrialInsideTheGridWins() {
        GridAxis mu = new GridAxis("--max-momentum", DefaultGrids.MOMENTA, false, true);
        TuningGrid grid = new TuningGrid(List.of(RATES, mu));
        // The momentum made no difference: every rate scores the same whatever its momentum.
        double[] scores = {5, 5, 5, 5, 3, 3, 3, 3, 4, 4, 4, 4};
        TuningGrid.Verdict v = grid.judge(grid.points(), scores, "train error");
        assertFalse(v.refused(), v.refusal());
        assertEquals(List.of("--learning-rate", "0.003", "--max-momentum", "0.99"), grid.flags(grid.points().get(v.chosen())));
    }

    @Test
    void anAxisOfTwoValuesIsAChoiceWithoutEdges() {
        GridAxis cg = new GridAxis("--cg-max-iterations", List.of(10.0, 25.0), true, false);
        TuningGrid grid = new TuningGrid(List.of(RATES, cg));
        // Points: (0.001,10) (0.001,25) (0.003,10) (0.003,25) (0.01,10) (0.01,25).
        TuningGrid.Verdict v = judge(grid, 9, 9, 9, 2, 9, 9);
        assertFalse(v.refused(), v.refusal());
        assertEquals(List.of("--learning-rate", "0.003", "--cg-max-iterations", "25"), grid.flags(grid.points().get(v.chosen())));
    }

    @Test
    void divergedTrialsScoreInfinityAndNeverWin() {
        assertEquals(INF, new SettingsFile.Trial("--learning-rate 1", Double.NaN, Double.NaN, 2, "ok").score());
        assertEquals(INF, new SettingsFile.Trial("--learning-rate 1", 3.0, 4.0, 2, "diverged: train error NaN after 2.0s").score());
        assertEquals(3.0, new SettingsFile.Trial("--learning-rate 1", 3.0, 4.0, 2, "ok").score());
        TuningGrid grid = new TuningGrid(List.of(RATES));
        TuningGrid.Verdict v = judge(grid, INF, 7, INF);
        assertEquals(1, v.chosen());
        TuningGrid.Verdict none = judge(grid, INF, INF, INF);
        assertTrue(none.refused());
        assertTrue(none.refusal().startsWith("every trial diverged"), none.refusal());
    }

    @Test
    void trialsTakeEveryCombinationFirstAxisOutermost() {
        GridAxis cg = new GridAxis("--cg-max-iterations", List.of(25.0, 10.0), true, false);
        TuningGrid grid = new TuningGrid(List.of(new GridAxis("--initial-damping", List.of(1.0, 10.0), false, false), cg));
        assertEquals(List.of(List.of(1.0, 10.0), List.of(1.0, 25.0), List.of(10.0, 10.0), List.of(10.0, 25.0)), grid.points());
    }

    @Test
    void halfDecadesAreOneAndThreeTimesPowersOfTen() {
        assertEquals(List.of(1e-4, 3e-4, 1e-3, 3e-3, 1e-2), DefaultGrids.halfDecades(1e-4, 5));
        assertEquals(3e-2, GridAxis.halfDecadeBeyond(1e-2, 1));
        assertEquals(1e-2, GridAxis.halfDecadeBeyond(3e-2, -1));
        assertEquals(100.0, GridAxis.halfDecadeBeyond(45, 1));
        assertEquals(30.0, GridAxis.halfDecadeBeyond(45, -1));
    }

    @Test
    void theDefaultGridsGiveHfAsManyTrialsAsMomentum() {
        int nesterov = new TuningGrid(DefaultGrids.axes(Optimizers.parse("nesterov"), 5000, java.util.Map.of(), java.util.Map.of())).points().size();
        int hf = new TuningGrid(DefaultGrids.axes(Optimizers.parse("hf"), 5000, java.util.Map.of(), java.util.Map.of())).points().size();
        assertEquals(20, nesterov);
        assertEquals(nesterov, hf);
        List<GridAxis> adam = DefaultGrids.axes(Optimizers.parse("adam"), 5000, java.util.Map.of(), java.util.Map.of());
        assertEquals(List.of(1e-4, 3e-4, 1e-3, 3e-3, 1e-2), adam.get(0).values(), "five half-decades around Adam's default 1e-3");
    }

    @Test
    void hfsGridCentresOnTheRnnsOwnStartingSettings() {
        OptimizerChoice<?> hf = Optimizers.parse("hf");
        List<GridAxis> autoencoder = DefaultGrids.axes(hf, 10_000, java.util.Map.of(), java.util.Map.of());
        assertEquals(List.of(1.0, 3.0, 10.0, 30.0, 100.0), autoencoder.get(0).values(), "Martens' λ0 = 45 keeps 1 … 100");
        SequenceSpec addition = new SequenceSpec("addition", 100, 100);
        List<GridAxis> rnn = DefaultGrids.axes(hf, 10_000, ModelKind.RNN.settingDefaults(hf, addition, 10_000, null), java.util.Map.of());
        assertEquals("--initial-damping", rnn.get(0).flag());
        assertEquals(List.of(1e-3, 3e-3, 1e-2, 3e-2, 1e-1), rnn.get(0).values(), "five half-decades around the RNN's λ0 = 0.01");
        assertEquals(List.of(120.0, 300.0), rnn.get(1).values(), "0.4 and 1 times its 300 CG steps");
        assertEquals(List.of(250.0, 1000.0), rnn.get(2).values(), "a quarter and all of its 1000-sequence curvature batch");
    }

    @Test
    void badGridValuesAreOneLineErrorsNamingTheFlag() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new GridAxis("--max-momentum", List.of(0.9, 1.0), false, true));
        assertTrue(e.getMessage().contains("--max-momentum") && e.getMessage().contains("(0, 1)"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DefaultGrids.axis(Optimizers.parse("adam"), 5000, "--max-momentum", List.of(0.9)));
        assertTrue(e.getMessage().contains("--max-momentum is not a setting of adam"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> TuneCommand.parseGrids(List.of("learning-rate=1e-3,x")));
        assertTrue(e.getMessage().contains("'x' is not a number"), e.getMessage());
    }
}
