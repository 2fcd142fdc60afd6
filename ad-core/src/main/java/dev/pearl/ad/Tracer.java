package dev.pearl.ad;

import dev.pearl.DType;
import dev.pearl.DenseTensor;
import dev.pearl.Shape;
import dev.pearl.Tensor;
import dev.pearl.backend.Backend;

/** A tensor inside a transform: a primal value of a lower level plus this level's bookkeeping. */
abstract class Tracer extends Tensor {
    abstract Level level();

    /** The value one level down (possibly a tracer itself). */
    abstract Tensor primal();

    @Override
    public Shape shape() {
        return primal().shape();
    }

    @Override
    public DType dtype() {
        return primal().dtype();
    }

    @Override
    public Backend backend() {
        return primal().backend();
    }

    @Override
    public DenseTensor concrete() {
        return primal().concrete();
    }
}
