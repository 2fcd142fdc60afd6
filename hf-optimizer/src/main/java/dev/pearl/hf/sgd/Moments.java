package dev.pearl.hf.sgd;

import dev.pearl.Ops;
import dev.pearl.Params;

/** The elementwise pieces Adam and RMSProp share: running averages of gradients and of their squares, and the scaled step. */
final class Moments {
    private Moments() {
    }

    /** decay·average + (1 − decay)·x. */
    static Params average(Params average, Params x, double decay) {
        return average.scale(decay).axpy(1 - decay, x);
    }

    /** g ∘ g. */
    static Params squares(Params g) {
        return g.map(Ops::square);
    }

    /** numerator ∘ 1 / (√(scale·squares) + ε), elementwise. */
    static Params scaled(Params numerator, Params squares, double scale, double epsilon) {
        return numerator.zip(squares, (n, s) -> Ops.div(n, Ops.add(Ops.sqrt(Ops.mul(s, scale)), epsilon)));
    }
}
