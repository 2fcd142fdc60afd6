package dev.pearl.hf.parallel;

import dev.pearl.hf.problem.Problem;

import java.io.Serializable;

/**
 * A serialisable description of a problem: what a machine receives to rebuild the model and loss
 * next to its shards (a record of layer sizes, say), instead of the model itself.
 */
@FunctionalInterface
public interface ProblemSpec extends Serializable {
    /**
     * Builds the problem on the receiving machine.
     *
     * @return the problem
     */
    Problem build();
}
