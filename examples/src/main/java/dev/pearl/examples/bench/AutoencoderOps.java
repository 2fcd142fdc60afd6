package dev.pearl.examples.bench;

import dev.pearl.Params;
import dev.pearl.ad.AD;
import dev.pearl.nn.GaussNewton;
import dev.pearl.nn.Init;
import dev.pearl.nn.Loss;
import dev.pearl.nn.Losses;
import dev.pearl.nn.Mlp;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

import java.util.List;
import java.util.function.Function;

/**
 * The operations HF is made of, on a deep auto-encoder with logistic units, a linear code layer
 * and logistic outputs with cross-entropy summed over pixels and averaged over cases (by default
 * the MNIST network of Hinton and Salakhutdinov, as in the PyTorch peer of shared/peers). The
 * Gauss-Newton linearization that {@code gnvp} reuses is made on first use, so that measuring
 * the other ops does not hold it.
 */
final class AutoencoderOps {
    static final int[] MNIST_SIZES = {784, 1000, 500, 250, 30, 250, 500, 1000, 784};
    static final List<String> NAMES = List.of("forward", "grad", "linearize", "gnvp", "hvp");

    private final Params theta;
    private final Backend backend;
    private final DType dtype;
    private Params direction;
    private final Function<Params, Tensor> outputs, objective;
    private final Loss loss = Losses.logisticCrossEntropy();
    private final Tensor x;
    private GaussNewton linearized;

    AutoencoderOps(Backend backend, DType dtype, int batch, int[] sizes) {
        Mlp net = Mlp.autoencoder(sizes);
        theta = net.init(Init.scaledNormal(), backend, dtype, 1);
        x = backend.randomUniform(Shape.of(batch, sizes[0]), dtype, 2, 0, 1);
        this.backend = backend;
        this.dtype = dtype;
        outputs = p -> net.outputs(p, x);
        objective = p -> loss.value(outputs.apply(p), x);
    }

    /** Runs the named op once. */
    void run(String op) {
        switch (op) {
            case "forward" -> objective.apply(theta).item();
            case "grad" -> AD.valueAndGrad(objective, theta);
            case "linearize" -> GaussNewton.at(outputs, loss, theta, x);
            case "gnvp" -> linearization().apply(direction());
            case "hvp" -> AD.hvp(objective, theta, direction());
            default -> throw new IllegalArgumentException("unknown op '" + op + "'; expected one of " + String.join(", ", NAMES));
        }
    }

    /** The Gauss-Newton linearization {@code gnvp} uses, made on first call. */
    GaussNewton linearization() {
        if (linearized == null) linearized = GaussNewton.at(outputs, loss, theta, x);
        return linearized;
    }

    /** The direction of gnvp and hvp, drawn on first call: the other ops must not hold it. */
    private Params direction() {
        if (direction == null) direction = theta.map(t -> backend.randomNormal(t.shape(), dtype, 3 + t.size()));
        return direction;
    }

    /** Megabytes of every layer's values for a batch, inputs included: what one forward pass produces. */
    static double activationMegabytes(int[] sizes, int batch, DType dtype) {
        long values = 0;
        for (int s : sizes) values += (long) s * batch;
        return values * (double) dtype.bytes() / (1 << 20);
    }

    /** Megabytes of the weights and biases. */
    static double parameterMegabytes(int[] sizes, DType dtype) {
        long values = 0;
        for (int l = 0; l + 1 < sizes.length; l++) values += (long) sizes[l] * sizes[l + 1] + sizes[l + 1];
        return values * (double) dtype.bytes() / (1 << 20);
    }
}
