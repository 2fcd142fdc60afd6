package dev.pearl.hf;

import dev.pearl.hf.cg.CgProgress;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.train.StopCondition;
import dev.pearl.hf.train.TrainingListener;
import dev.pearl.hf.train.TrainingLoop;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingLoopTest {
    private final Batch data = TinyAutoencoder.data(64, 9);
    private final HessianFree hf = new HessianFree(TinyAutoencoder.problem(), BatchPlan.of(data));

    /** Records what a caller's listener sees. */
    private static final class Recorder implements TrainingListener<HfState, HfIteration> {
        final List<HfIteration> reports = new ArrayList<>();
        final List<CgProgress> cgSteps = new ArrayList<>();

        @Override
        public void onIteration(HfIteration report, HfState state) {
            assertEquals(report.iteration(), state.iteration());
            reports.add(report);
        }

        @Override
        public void onCgIteration(CgProgress progress) {
            cgSteps.add(progress);
        }
    }

    @Test
    void listenerSeesEveryIterationAndEveryCgStep() {
        Recorder recorder = new Recorder();
        TrainingLoop.run(hf, hf.start(TinyAutoencoder.init(1)), StopCondition.afterIterations(6), recorder);
        assertEquals(6, recorder.reports.size());
        int cgTotal = 0;
        for (int i = 0; i < 6; i++) {
            HfIteration r = recorder.reports.get(i);
            assertEquals(i + 1, r.iteration());
            assertEquals(i % 4, r.curvatureChunk(), "curvature chunks cycle over the 4 default chunks");
            assertTrue(r.curvatureProducts() >= r.cgIterations() && r.curvatureProducts() <= r.cgIterations() + 2,
                    "one product per CG step, one for a warm start, one for a step CG stopped before; none for ρ: " + r);
            assertTrue(r.gradientSeconds() + r.cgSeconds() + r.lineSearchSeconds() <= r.seconds() + 1e-9);
            assertTrue(r.backtrackIterate() <= r.cgIterations());
            cgTotal += r.cgIterations();
        }
        assertEquals(cgTotal, recorder.cgSteps.size());
        assertEquals(recorder.reports.get(1).lambda(), hf.options().damping().update(recorder.reports.get(0).lambda(), recorder.reports.get(0).rho()), 1e-12,
                "the second iteration uses the λ the first one's ρ produced");
    }

    @Test
    void iterationLimitsCountAcrossResumes() {
        HfState three = TrainingLoop.run(hf, hf.start(TinyAutoencoder.init(1)), StopCondition.afterIterations(3), TrainingListener.none());
        Recorder recorder = new Recorder();
        HfState five = TrainingLoop.run(hf, three, StopCondition.afterIterations(5), recorder);
        assertEquals(5, five.iteration());
        assertEquals(List.of(4, 5), recorder.reports.stream().map(HfIteration::iteration).toList());
    }

    @Test
    void stopsOnceTheLossIsLowEnough() {
        Recorder recorder = new Recorder();
        TrainingLoop.run(hf, hf.start(TinyAutoencoder.init(1)), StopCondition.lossBelow(9).or(StopCondition.afterIterations(40)), recorder);
        HfIteration last = recorder.reports.get(recorder.reports.size() - 1);
        assertTrue(last.loss() < 9, "last loss " + last.loss());
        for (int i = 0; i < recorder.reports.size() - 1; i++) assertTrue(recorder.reports.get(i).loss() >= 9);
    }
}
