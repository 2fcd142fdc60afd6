package dev.pearl.examples.models;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.nn.Activation;
import dev.pearl.nn.Conv2d;
import dev.pearl.nn.Dense;
import dev.pearl.nn.Flatten;
import dev.pearl.nn.Pool2d;
import dev.pearl.nn.Sequential;
import dev.pearl.tensor.ConvSpec;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

/**
 * A LeNet-5-like classifier of 28x28 grey images into 10 classes: conv 5x5 to 6 channels (padded
 * by 2, as LeNet-5 saw 32x32 images), 2x2 max pooling, conv 5x5 to 16 channels, pooling, then
 * dense layers of 120, 84 and 10 units; tanh units, as in LeNet-5, which keep the net smooth for
 * second-order methods. Its outputs are the class scores (logits) for a softmax loss.
 */
public final class LeNet {
    public static final int SIDE = 28, PIXELS = SIDE * SIDE, CLASSES = 10;

    private static final Sequential NET = Sequential.of(Shape.of(1, SIDE, SIDE),
            Conv2d.of(6, 5, ConvSpec.of(1, 2, 1)), Activation.TANH, Pool2d.max(2),
            Conv2d.of(16, 5), Activation.TANH, Pool2d.max(2),
            Flatten.INSTANCE, Dense.of(120), Activation.TANH, Dense.of(84), Activation.TANH, Dense.of(CLASSES));

    private LeNet() {
    }

    public static Sequential net() {
        return NET;
    }

    /** Class scores [cases, 10] for images given as rows of 784 pixels [cases, 784]. */
    public static Tensor outputs(Params theta, Tensor images) {
        if (images.rank() != 2 || images.dim(1) != PIXELS)
            throw new IllegalArgumentException("LeNet expects images as rows of " + PIXELS + " pixels [cases, " + PIXELS + "], got " + images.shape());
        return NET.outputs(theta, Ops.reshape(images, images.dim(0), 1, SIDE, SIDE));
    }
}
