package dev.pearl.hf.parallel;

import dev.pearl.Params;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.Backends;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Names, shapes and dtype of a parameter set: what turns a flat {@link Payload} back into {@link Params}.
 *
 * @param names the tensors' names, in order
 * @param shapes their dimensions, in the same order
 * @param dtype the one dtype of all of them
 *
 * @serial exclude
 */
public record ParamsLayout(List<String> names, List<int[]> shapes, DType dtype) implements Serializable {

    /**
     * The layout of a parameter set.
     *
     * @param p the parameters, all of one dtype
     * @return their layout
     * @throws IllegalArgumentException if the tensors differ in dtype
     */
    public static ParamsLayout of(Params p) {
        DType dtype = p.get(0).dtype();
        for (int i = 0; i < p.size(); i++)
            if (p.get(i).dtype() != dtype)
                throw new IllegalArgumentException("sharded data needs one dtype for all parameters: " + p.name(0) + " is " + dtype
                        + " but " + p.name(i) + " is " + p.get(i).dtype());
        return new ParamsLayout(List.copyOf(p.names()), p.tensors().stream().map(t -> t.shape().dims()).toList(), dtype);
    }

    /**
     * The number of elements of all tensors.
     *
     * @return the flat vector's length
     */
    public int size() {
        return shapes.stream().mapToInt(s -> Arrays.stream(s).reduce(1, (a, b) -> a * b)).sum();
    }

    /**
     * The parameters a flat vector holds, on the default backend.
     *
     * @param payload a payload whose vector has this layout's dtype and size
     * @return the parameters
     */
    public Params params(Payload payload) {
        return params(payload, Backends.defaultBackend());
    }

    /**
     * The parameters a flat vector holds, on {@code backend}.
     *
     * @param payload a payload whose vector has this layout's dtype and size
     * @param backend where the tensors go
     * @return the parameters
     */
    public Params params(Payload payload, Backend backend) {
        Params.Builder b = Params.builder();
        int at = 0;
        for (int i = 0; i < names.size(); i++) {
            Shape shape = Shape.of(shapes.get(i));
            int n = shape.size();
            Tensor t = dtype == DType.FLOAT32
                    ? backend.fromArray(Arrays.copyOfRange(payload.floats(), at, at + n), shape, dtype)
                    : backend.fromArray(Arrays.copyOfRange(payload.doubles(), at, at + n), shape, dtype);
            b.add(names.get(i), t);
            at += n;
        }
        return b.build();
    }
}
