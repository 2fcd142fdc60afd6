package dev.pearl.hf;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.hf.curvature.Curvature;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.train.StopCondition;
import dev.pearl.hf.train.TrainingListener;
import dev.pearl.hf.train.TrainingLoop;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every curvature kind and both precisions drive the auto-encoder's objective down. */
class CurvatureKindsTest {
    private final Batch data = TinyAutoencoder.data(64, 17);

    @Test
    void everyCurvatureKindReducesTheObjective() {
        for (Curvature curvature : List.of(Curvature.gaussNewton(), Curvature.hessian(), Curvature.empiricalFisher())) {
            HessianFree hf = new HessianFree(TinyAutoencoder.problem(), BatchPlan.of(data), HfOptions.martens().withCurvature(curvature));
            Params start = TinyAutoencoder.init(2);
            HfState end = TrainingLoop.run(hf, hf.start(start), StopCondition.afterIterations(8), TrainingListener.none());
            double before = TinyAutoencoder.problem().objective(start, data), after = TinyAutoencoder.problem().objective(end.parameters(), data);
            assertTrue(after < before - 0.5, curvature.name() + ": objective " + before + " -> " + after);
        }
    }

    @Test
    void trainsInFloat32() {
        Tensor x = Ops.cast(data.inputs(), DType.FLOAT32);
        Batch single = Batch.of(x, x);
        Params start = TinyAutoencoder.init(2).map(t -> Ops.cast(t, DType.FLOAT32));
        HessianFree hf = new HessianFree(TinyAutoencoder.problem(), BatchPlan.of(single));
        HfState end = TrainingLoop.run(hf, hf.start(start), StopCondition.afterIterations(8), TrainingListener.none());
        for (Tensor t : end.parameters().tensors()) assertEquals(DType.FLOAT32, t.dtype());
        assertTrue(TinyAutoencoder.problem().objective(end.parameters(), single) < TinyAutoencoder.problem().objective(start, single) - 0.5);
    }
}
