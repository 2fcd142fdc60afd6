package dev.pearl.tensor;

import dev.pearl.Ops;

/**
 * A test-only class in the tensor layer that reaches up to the Ops facade: the architecture test
 * shows that the layer rules reject it.
 */
final class UpwardReferenceFixture {
    private UpwardReferenceFixture() {
    }

    static Tensor twice(Tensor x) {
        return Ops.add(x, x);
    }
}
