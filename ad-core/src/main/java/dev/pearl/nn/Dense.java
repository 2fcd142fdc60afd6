package dev.pearl.nn;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

/** A fully connected layer: x·w + b for x [cases, features], w [features, units], b [units]. */
public final class Dense implements Layer {
    private final int units;
    private final Init init;

    private Dense(int units, Init init) {
        if (units < 1) throw new IllegalArgumentException("dense: units must be >= 1, got " + units);
        this.units = units;
        this.init = init;
    }

    /**
     * Weights N(0, 1/features) ({@link Init#scaledNormal()}), zero biases.
     *
     * @param units the number of outputs, &gt;= 1
     * @return the layer
     * @throws IllegalArgumentException if units is below 1
     */
    public static Dense of(int units) {
        return new Dense(units, Init.scaledNormal());
    }

    /**
     * A layer with the given weight initialisation and zero biases.
     *
     * @param units the number of outputs, &gt;= 1
     * @param init how the weights [features, units] are drawn
     * @return the layer
     * @throws IllegalArgumentException if units is below 1
     */
    public static Dense of(int units, Init init) {
        return new Dense(units, init);
    }

    @Override
    public String kind() {
        return "dense";
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() != 1)
            throw new IllegalArgumentException("dense: needs one feature axis per case, got " + input + "; put a Flatten before it");
        return Shape.of(units);
    }

    @Override
    public void init(Params.Builder params, String prefix, Shape input, Backend backend, DType dtype, long seed) {
        params.add(prefix + "w", init.weights(backend, dtype, input.dim(0), units, seed));
        params.add(prefix + "b", backend.full(Shape.of(units), dtype, 0));
    }

    @Override
    public Tensor apply(Params p, String prefix, Tensor x) {
        return Ops.add(Ops.matmul(x, p.get(prefix + "w")), p.get(prefix + "b"));
    }
}
