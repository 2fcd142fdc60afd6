package dev.pearl.hf.parallel;

import dev.pearl.Params;
import dev.pearl.hf.BatchPlan;
import dev.pearl.hf.curvature.Curvature;
import dev.pearl.hf.curvature.CurvatureProduct;
import dev.pearl.hf.precondition.Preconditioner;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Gradient;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.WeightCost;

import java.util.Objects;
import java.util.function.UnaryOperator;

/** The whole data in this process, cut into batches by a {@link BatchPlan}: what every run uses by default. */
public final class InProcessData implements StepData {
    private final Problem problem;
    private final BatchPlan plan;

    /**
     * A batch of this process, as a {@link Cases} handle.
     *
     * @param batch the cases
     */
    public record BatchCases(Batch batch) implements Cases {
        /**
         * Checks that the batch is present.
         *
         * @param batch the cases
         * @throws NullPointerException if batch is null
         */
        public BatchCases {
            Objects.requireNonNull(batch, "batch");
        }
    }

    /**
     * The problem on the batches of a plan.
     *
     * @param problem the function to minimise
     * @param plan the batches of each iteration
     * @throws NullPointerException if an argument is null
     */
    public InProcessData(Problem problem, BatchPlan plan) {
        this.problem = Objects.requireNonNull(problem, "problem");
        this.plan = Objects.requireNonNull(plan, "batches");
    }

    @Override
    public WeightCost weightCost() {
        return problem.weightCost();
    }

    @Override
    public int curvatureChunks() {
        return plan.curvatureChunks();
    }

    @Override
    public StepCases at(int iteration, int curvatureChunk) {
        BatchPlan.Batches b = plan.at(iteration, curvatureChunk);
        return new StepCases(new BatchCases(b.gradient()), new BatchCases(b.curvature()), new BatchCases(b.lineSearch()));
    }

    @Override
    public Gradient gradient(Params theta, Cases cases) {
        return problem.gradient(theta, batch(cases));
    }

    @Override
    public double objective(Params theta, Cases cases) {
        return problem.objective(theta, batch(cases));
    }

    @Override
    public UnaryOperator<Params> inversePreconditioner(Preconditioner preconditioner, Params theta, Cases cases, double lambda, long seed) {
        return preconditioner.inverse(problem, theta, batch(cases), lambda, seed);
    }

    @Override
    public CurvatureProduct curvature(Curvature kind, Params theta, Cases cases, double structuralWeight) {
        return kind.at(problem, theta, batch(cases), structuralWeight);
    }

    private static Batch batch(Cases cases) {
        if (cases instanceof BatchCases b) return b.batch();
        throw new IllegalArgumentException("in-process data cannot evaluate " + cases + ": it names no batch of this process");
    }
}
