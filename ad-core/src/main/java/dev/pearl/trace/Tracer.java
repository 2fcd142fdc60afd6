package dev.pearl.trace;

import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

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
