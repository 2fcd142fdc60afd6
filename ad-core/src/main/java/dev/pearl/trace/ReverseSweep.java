package dev.pearl.trace;

import dev.pearl.tensor.Tensor;

import java.util.List;

/**
 * The one backward walk of Pearl: over recorded applications of primitives, last to first,
 * through their VJP rules. Reverse mode walks its tape with it and a linearized program walks its
 * equations with it (transposition), so both check and accumulate cotangents the same way.
 */
final class ReverseSweep {
    /** One recorded application as the sweep sees it. Values live in numbered slots. */
    interface Equation {
        Primitive primitive();

        /** The inputs as the VJP rule may read them (values, or stand-ins with only a type). */
        Tensor[] ruleInputs();

        /** The output as the VJP rule may read it. */
        Tensor ruleOutput();

        /** Slot of the output's cotangent. */
        int outputSlot();

        /** Slot that receives input j's cotangent, or -1 when input j needs none (a constant). */
        int inputSlot(int j);

        /** Drops the values it keeps for its rule, once the sweep is past it and will not come back. */
        default void release() {
        }
    }

    private ReverseSweep() {
    }

    /** Adds a cotangent into slot s of ct (null = zero so far). */
    static void accumulate(Tensor[] ct, int s, Tensor c) {
        ct[s] = CotangentSum.plus(ct[s], c);
    }

    /**
     * Walks {@code eqns} (in recording order) backwards from the cotangents already in {@code ct}.
     * The cotangent of an equation's output is released as its rule runs, so afterwards ct holds
     * the cotangents of the slots no equation produces (the inputs; null = zero) and nulls elsewhere.
     * With {@code consume}, each equation also drops its kept values once its rule has run (a tape
     * walked once): the forward pass's values then die as the sweep passes them, not at its end.
     */
    static void run(List<? extends Equation> eqns, Tensor[] ct, boolean consume) {
        for (int i = eqns.size() - 1; i >= 0; i--) {
            Equation e = eqns.get(i);
            step(e, ct);
            if (consume) e.release();
        }
    }

    /** One equation: its output's cotangent through its VJP rule into its inputs' slots. */
    private static void step(Equation e, Tensor[] ct) {
        Tensor g = ct[e.outputSlot()];
        if (g == null) return;
        Tensor[] in = e.ruleInputs();
        boolean[] needs = new boolean[in.length];
        boolean any = false;
        for (int j = 0; j < needs.length; j++) any |= needs[j] = e.inputSlot(j) >= 0;
        ct[e.outputSlot()] = null;
        if (!any) return;
        Tensor[] cts = e.primitive().vjp(in, e.ruleOutput(), g, needs);
        for (int j = 0; j < needs.length; j++) {
            if (!needs[j] || cts[j] == null) continue;
            if (!cts[j].shape().equals(in[j].shape()))
                throw new IllegalStateException(e.primitive().name() + ": VJP rule gave cotangent shape " + cts[j].shape()
                        + " for input " + j + " of shape " + in[j].shape());
            accumulate(ct, e.inputSlot(j), cts[j]);
        }
    }
}
