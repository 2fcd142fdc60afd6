package dev.pearl.examples.train;

import dev.pearl.Params;

/** How well parameters θ do on a fixed set of cases: the run's loss and error measure there. */
interface SetMeasure {
    /** Loss and error, both per case. */
    record Measurement(double loss, double error) {
    }

    Measurement measure(Params theta);
}
