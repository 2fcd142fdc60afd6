package dev.pearl.examples.train;

import dev.pearl.Params;
import dev.pearl.hf.sgd.SgdState;
import dev.pearl.hf.train.TrainingState;

/** The SGD state after a whole number of rounds; {@code iteration} counts rounds, sgd.iteration() minibatch updates. */
record SgdRoundState(SgdState sgd, int iteration) implements TrainingState {
    @Override
    public Params parameters() {
        return sgd.parameters();
    }
}
