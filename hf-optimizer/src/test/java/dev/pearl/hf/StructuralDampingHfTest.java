package dev.pearl.hf;

import dev.pearl.Params;
import dev.pearl.hf.curvature.Curvature;
import dev.pearl.hf.curvature.CurvatureProduct;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.train.StopCondition;
import dev.pearl.hf.train.TrainingListener;
import dev.pearl.hf.train.TrainingLoop;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Structural damping as HF uses it: λμ·S, λ from the Levenberg-Marquardt rule. */
class StructuralDampingHfTest {
    private final Batch data = TinyRnn.data(12, 4);

    private Params train(Problem problem, HfOptions options) {
        HessianFree hf = new HessianFree(problem, BatchPlan.of(data), options);
        return TrainingLoop.run(hf, hf.start(TinyRnn.theta(2)), StopCondition.afterIterations(4), TrainingListener.none()).parameters();
    }

    @Test
    void muZeroTrainsExactlyAsPlainGaussNewton() {
        Params plain = train(TinyRnn.plain(), HfOptions.martens());
        Params off = train(TinyRnn.structured(), HfOptions.martens().withStructuralDamping(0));
        Params on = train(TinyRnn.structured(), HfOptions.martens());
        for (int i = 0; i < plain.size(); i++)
            assertArrayEquals(plain.get(i).toDoubleArray(), off.get(i).toDoubleArray(), plain.name(i));
        assertTrue(on.sub(plain).norm() > 1e-9, "μ = 1/30 must change the steps");
    }

    /** Each CG solve gets w = λμ with the λ of that iteration, so structural damping follows the Levenberg-Marquardt rule. */
    @Test
    void structuralWeightIsLambdaTimesMu() {
        List<Double> weights = new ArrayList<>();
        Curvature recording = new Curvature() {
            @Override
            public String name() {
                return "recording Gauss-Newton";
            }

            @Override
            public CurvatureProduct at(Problem problem, Params theta, Batch batch) {
                return at(problem, theta, batch, 0);
            }

            @Override
            public CurvatureProduct at(Problem problem, Params theta, Batch batch, double structuralWeight) {
                weights.add(structuralWeight);
                return Curvature.gaussNewton().at(problem, theta, batch, structuralWeight);
            }
        };
        double mu = 0.2;
        HessianFree hf = new HessianFree(TinyRnn.structured(), BatchPlan.of(data), HfOptions.martens().withCurvature(recording).withStructuralDamping(mu));
        List<Double> lambdas = new ArrayList<>();
        TrainingLoop.run(hf, hf.start(TinyRnn.theta(2)), StopCondition.afterIterations(5), (HfIteration r, HfState st) -> lambdas.add(r.lambda()));
        assertEquals(5, weights.size());
        for (int i = 0; i < 5; i++) assertEquals(lambdas.get(i) * mu, weights.get(i), 1e-15 * weights.get(i));
        assertTrue(new HashSet<>(lambdas).size() > 1, "λ changed during the run: " + lambdas);
    }

    @Test
    void defaultMuIsOneThirtieth() {
        assertEquals(1.0 / 30, HfOptions.martens().structuralDamping());
        var e = assertThrows(IllegalArgumentException.class, () -> HfOptions.martens().withStructuralDamping(Double.NaN));
        assertEquals("structural damping μ must be finite and >= 0, got NaN", e.getMessage());
    }
}
