package dev.pearl.hf.parallel;

import dev.pearl.Params;
import dev.pearl.hf.curvature.Curvature;
import dev.pearl.hf.curvature.CurvatureProduct;
import dev.pearl.hf.precondition.Preconditioner;
import dev.pearl.hf.problem.Gradient;
import dev.pearl.hf.problem.WeightCost;

import java.util.function.UnaryOperator;

/**
 * Everything an HF iteration asks of the training data: the loss and gradient, the
 * preconditioner's statistics, and curvature products on a prepared curvature batch. Every data
 * quantity is an average over cases, so an implementation may hold the cases in shards and return
 * the case-weighted sum of the shards' averages; the weight cost is added here, once.
 * {@link InProcessData} is the single-process default; {@link ShardedData} spreads shards over a
 * {@link ShardRunner} (local threads, or a Spark cluster).
 */
public interface StepData extends AutoCloseable {
    /**
     * The weight cost the optimizer adds to the data loss.
     *
     * @return the weight cost
     */
    WeightCost weightCost();

    /**
     * How many curvature chunks the iterations cycle through.
     *
     * @return the number of curvature chunks, &gt;= 1
     */
    int curvatureChunks();

    /**
     * The cases of iteration {@code iteration} with curvature chunk {@code curvatureChunk}.
     *
     * @param iteration the HF step, from 0
     * @param curvatureChunk the curvature chunk, taken modulo {@link #curvatureChunks()}
     * @return the step's gradient, curvature and line-search cases
     */
    StepCases at(int iteration, int curvatureChunk);

    /**
     * Loss, objective and the objective's gradient at θ.
     *
     * @param theta the parameters
     * @param cases the cases, from {@link #at}
     * @return the loss, objective and gradient
     */
    Gradient gradient(Params theta, Cases cases);

    /**
     * Data loss plus weight cost at θ.
     *
     * @param theta the parameters
     * @param cases the cases, from {@link #at}
     * @return the objective
     */
    double objective(Params theta, Cases cases);

    /**
     * M⁻¹ of the given preconditioner at θ with damping λ.
     *
     * @param preconditioner the preconditioner's kind
     * @param theta the parameters
     * @param cases the cases it is estimated on
     * @param lambda the damping λ
     * @param seed the seed of its random draws
     * @return v ↦ M⁻¹ v
     */
    UnaryOperator<Params> inversePreconditioner(Preconditioner preconditioner, Params theta, Cases cases, double lambda, long seed);

    /**
     * The curvature at θ, prepared once (linearised) for the many products of one CG solve, with
     * structural damping of weight λμ where the kind and problem support it.
     *
     * @param kind the curvature matrix
     * @param theta the parameters
     * @param cases the curvature cases
     * @param structuralWeight λμ, the weight of structural damping (0: none)
     * @return the prepared products
     */
    CurvatureProduct curvature(Curvature kind, Params theta, Cases cases, double structuralWeight);

    /** Releases what the data holds outside this JVM's heap (cached shards, broadcasts); in process, nothing. */
    @Override
    default void close() {
    }
}
