package dev.pearl.hf.precondition;

import dev.pearl.Params;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;

import java.util.function.UnaryOperator;

/** M = I: one instance, so sharded data can tell that it needs no statistics. */
enum NoPreconditioner implements Preconditioner {
    INSTANCE;

    @Override
    public UnaryOperator<Params> inverse(Problem problem, Params theta, Batch batch, double lambda, long seed) {
        return UnaryOperator.identity();
    }
}
