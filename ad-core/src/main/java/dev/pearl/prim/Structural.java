package dev.pearl.prim;

import dev.pearl.trace.Primitive;

/**
 * A primitive whose VJP reads only shapes and dtypes (moves, conversions, comparisons): reverse
 * mode keeps none of its values for the backward pass.
 */
abstract class Structural extends Primitive {
    Structural(String name) {
        super(name);
    }

    @Override
    public final boolean vjpReadsInput(int i) {
        return false;
    }

    @Override
    public final boolean vjpReadsOutput() {
        return false;
    }
}
