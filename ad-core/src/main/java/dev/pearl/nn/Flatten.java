package dev.pearl.nn;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

/** Views each case as one feature axis (e.g. conv maps before dense layers). */
public final class Flatten implements Layer {
    /** The layer; it has no parameters or settings, so one instance serves every network. */
    public static final Flatten INSTANCE = new Flatten();

    private Flatten() {
    }

    @Override
    public String kind() {
        return "flatten";
    }

    @Override
    public Shape outputShape(Shape input) {
        return Shape.of(input.size());
    }

    @Override
    public Tensor apply(Params p, String prefix, Tensor x) {
        return Ops.reshape(x, x.dim(0), -1);
    }
}
