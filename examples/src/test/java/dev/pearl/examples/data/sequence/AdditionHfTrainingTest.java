package dev.pearl.examples.data.sequence;

import dev.pearl.Params;
import dev.pearl.hf.BatchPlan;
import dev.pearl.hf.HessianFree;
import dev.pearl.hf.HfIteration;
import dev.pearl.hf.HfOptions;
import dev.pearl.hf.HfState;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.TanhRnnModel;
import dev.pearl.hf.train.StopCondition;
import dev.pearl.hf.train.TrainingListener;
import dev.pearl.hf.train.TrainingLoop;
import dev.pearl.nn.TanhRnn;
import dev.pearl.tensor.Backends;
import dev.pearl.tensor.DType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HF with structural damping (μ = 1/30) on a small addition problem: it learns, and the same run gives the same result. */
class AdditionHfTrainingTest {
    private static final SequenceTask ADDITION = SequenceTasks.byName("addition");
    private static final TanhRnn NET = new TanhRnn(2, 8, 1);

    private record Run(double initialLoss, List<Double> losses, Params parameters) {
    }

    private static Run train() {
        Batch data = ADDITION.generate(100, 20, 11).toBatch(Backends.defaultBackend(), DType.FLOAT64);
        Problem problem = Problem.ofStructuredModel(TanhRnnModel.of(NET), ADDITION.kind().loss());
        HessianFree hf = new HessianFree(problem, BatchPlan.of(data), HfOptions.martens().withInitialLambda(1));
        Params initial = NET.init(Backends.defaultBackend(), DType.FLOAT64, 4);
        List<Double> losses = new ArrayList<>();
        TrainingListener<HfState, HfIteration> record = new TrainingListener<>() {
            @Override
            public void onIteration(HfIteration report, HfState state) {
                losses.add(report.loss());
            }
        };
        HfState end = TrainingLoop.run(hf, hf.start(initial), StopCondition.afterIterations(6), record);
        return new Run(problem.loss(initial, data), losses, end.parameters());
    }

    @Test
    void structurallyDampedHfLowersTheLossDeterministically() {
        Run first = train(), second = train();
        double last = first.losses().get(first.losses().size() - 1);
        assertTrue(last < 0.5 * first.initialLoss(), "loss " + first.initialLoss() + " -> " + first.losses());
        assertEquals(first.losses(), second.losses());
        for (int i = 0; i < first.parameters().size(); i++)
            assertArrayEquals(first.parameters().get(i).toDoubleArray(), second.parameters().get(i).toDoubleArray(), first.parameters().name(i));
    }
}
