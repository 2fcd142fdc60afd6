package dev.pearl.ops;

import dev.pearl.tensor.Tensor;
import dev.pearl.testing.HostTensor;

/** Constant operands (masks, fixed weights) created beside an op's input. */
final class Constants {
    private Constants() {
    }

    /** c on the backend and in the dtype of {@code like}; never traced, so no derivative flows into it. */
    static Tensor like(Tensor like, HostTensor c) {
        return like.backend().fromArray(c.values(), c.shape(), like.dtype());
    }
}
