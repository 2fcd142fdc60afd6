package dev.pearl.trace;

import dev.pearl.tensor.Tensor;

import java.util.Arrays;
import java.util.List;

/**
 * A function's value at a point and its recorded tangent map there (see
 * {@link Transforms#linearize}): {@link #apply} is J v and {@link #transpose} is Jᵀ u, both
 * costing only the linear work of the function.
 */
public final class LinearMap {
    private final List<Tensor> value;
    private final LinearProgram program;

    LinearMap(List<Tensor> value, LinearProgram program) {
        this.value = List.copyOf(value);
        this.program = program;
    }

    /**
     * f(x), computed once.
     *
     * @return the outputs, unmodifiable
     */
    public List<Tensor> value() {
        return value;
    }

    /**
     * J v, one tensor per output (zeros where the map does not reach).
     *
     * @param v one tangent per input, shaped like it
     * @return one tensor per output
     */
    public List<Tensor> apply(List<Tensor> v) {
        return Arrays.asList(program.apply(v.toArray(new Tensor[0])));
    }

    /**
     * Jᵀ u, one tensor per input (zeros where nothing flows back).
     *
     * @param u one cotangent per output, shaped like it
     * @return one tensor per input
     */
    public List<Tensor> transpose(List<Tensor> u) {
        return Arrays.asList(program.transpose(u.toArray(new Tensor[0])));
    }

    /**
     * Number of recorded linear operations (for diagnostics).
     *
     * @return the number of recorded equations
     */
    public int operationCount() {
        return program.equationCount();
    }
}
