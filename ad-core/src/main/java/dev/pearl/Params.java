package dev.pearl;

import dev.pearl.tensor.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * An ordered, immutable collection of named tensors: a model's parameters, their gradient, a
 * search direction. It is a vector space (add, scale, axpy, dot, norm), the currency of the
 * optimizers, and the input and output type of the multi-tensor transforms.
 */
public final class Params {
    private final List<String> names;
    private final List<Tensor> tensors;

    private Params(List<String> names, List<Tensor> tensors) {
        this.names = names;
        this.tensors = tensors;
    }

    /**
     * A single tensor named "x".
     *
     * @param x the tensor
     * @return a collection of one tensor
     */
    public static Params of(Tensor x) {
        return new Params(List.of("x"), List.of(x));
    }

    /**
     * A single named tensor.
     *
     * @param name its name
     * @param x the tensor
     * @return a collection of one tensor
     */
    public static Params of(String name, Tensor x) {
        return new Params(List.of(name), List.of(x));
    }

    /**
     * The map's tensors in its iteration order (use a {@link java.util.LinkedHashMap} for a stable one).
     *
     * @param named the tensors by name
     * @return a collection holding them in that order
     */
    public static Params of(Map<String, ? extends Tensor> named) {
        return new Params(List.copyOf(named.keySet()), List.copyOf(named.values()));
    }

    /**
     * A builder that keeps insertion order.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a Params in insertion order; names must be unique. */
    public static final class Builder {
        private final LinkedHashMap<String, Tensor> map = new LinkedHashMap<>();

        /** An empty builder; {@link Params#builder()} is the usual way to get one. */
        public Builder() {
        }

        /**
         * Appends a named tensor.
         *
         * @param name its name, unique within the collection
         * @param t the tensor
         * @return this builder
         * @throws IllegalArgumentException if the name was added before
         */
        public Builder add(String name, Tensor t) {
            if (map.putIfAbsent(name, t) != null) throw new IllegalArgumentException("duplicate parameter name '" + name + "'");
            return this;
        }

        /**
         * The tensors added so far, in order.
         *
         * @return a new collection
         */
        public Params build() {
            return Params.of(map);
        }
    }

    /**
     * The number of tensors (not elements: see {@link #numel()}).
     *
     * @return the tensor count
     */
    public int size() {
        return tensors.size();
    }

    /**
     * The names, in order.
     *
     * @return an unmodifiable list
     */
    public List<String> names() {
        return Collections.unmodifiableList(names);
    }

    /**
     * The tensors, in order.
     *
     * @return an unmodifiable list
     */
    public List<Tensor> tensors() {
        return Collections.unmodifiableList(tensors);
    }

    /**
     * A tensor by position.
     *
     * @param i in [0, {@link #size()})
     * @return the i-th tensor
     * @throws IndexOutOfBoundsException if i is out of range
     */
    public Tensor get(int i) {
        return tensors.get(i);
    }

    /**
     * A tensor by name.
     *
     * @param name one of {@link #names()}
     * @return that tensor
     * @throws IllegalArgumentException if no tensor has that name
     */
    public Tensor get(String name) {
        int i = names.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no parameter named '" + name + "' (have " + names + ")");
        return tensors.get(i);
    }

    /**
     * A name by position.
     *
     * @param i in [0, {@link #size()})
     * @return the i-th name
     * @throws IndexOutOfBoundsException if i is out of range
     */
    public String name(int i) {
        return names.get(i);
    }

    /**
     * Total number of scalar elements.
     *
     * @return the sum of the tensors' sizes
     */
    public long numel() {
        long n = 0;
        for (Tensor t : tensors) n += t.size();
        return n;
    }

    /**
     * Same names, each tensor transformed.
     *
     * @param f the transformation
     * @return a new collection
     */
    public Params map(UnaryOperator<Tensor> f) {
        List<Tensor> out = new ArrayList<>(tensors.size());
        for (Tensor t : tensors) out.add(f.apply(t));
        return new Params(names, out);
    }

    /**
     * Same names, f applied to matching tensors of this and other (same names and shapes).
     *
     * @param other a compatible collection
     * @param f the function of a tensor of this and the same-named tensor of other
     * @return a new collection
     * @throws IllegalArgumentException if the names, shapes or dtypes differ
     */
    public Params zip(Params other, BiFunction<Tensor, Tensor, Tensor> f) {
        checkCompatible(other, "zip");
        List<Tensor> out = new ArrayList<>(tensors.size());
        for (int i = 0; i < tensors.size(); i++) out.add(f.apply(tensors.get(i), other.tensors.get(i)));
        return new Params(names, out);
    }

    /**
     * Throws an error naming the first mismatch when other has other names, shapes or dtypes.
     *
     * @param other the collection to compare with
     * @param op the operation, for the error message
     * @throws IllegalArgumentException at the first mismatch
     */
    public void checkCompatible(Params other, String op) {
        if (!names.equals(other.names))
            throw new IllegalArgumentException(op + ": parameter names differ: " + names + " vs " + other.names);
        for (int i = 0; i < tensors.size(); i++) {
            Tensor a = tensors.get(i), b = other.tensors.get(i);
            if (!a.shape().equals(b.shape()) || a.dtype() != b.dtype())
                throw new IllegalArgumentException(op + ": parameter '" + names.get(i) + "' is " + a.shape() + " " + a.dtype()
                        + " here but " + b.shape() + " " + b.dtype() + " in the other");
        }
    }

    /**
     * this + o, tensor by tensor.
     *
     * @param o a compatible collection
     * @return a new collection
     * @throws IllegalArgumentException if the names, shapes or dtypes differ
     */
    public Params add(Params o) {
        return zip(o, Ops::add);
    }

    /**
     * this - o, tensor by tensor.
     *
     * @param o a compatible collection
     * @return a new collection
     * @throws IllegalArgumentException if the names, shapes or dtypes differ
     */
    public Params sub(Params o) {
        return zip(o, Ops::sub);
    }

    /**
     * c · this.
     *
     * @param c the factor
     * @return a new collection
     */
    public Params scale(double c) {
        return map(t -> Ops.mul(t, c));
    }

    /**
     * this + a · x.
     *
     * @param a the factor
     * @param x a compatible collection
     * @return a new collection
     * @throws IllegalArgumentException if the names, shapes or dtypes differ
     */
    public Params axpy(double a, Params x) {
        return zip(x, (t, u) -> Ops.add(t, Ops.mul(u, a)));
    }

    /**
     * Sum over all tensors of the elementwise product. The products and per-tensor sums run on the
     * tensors' backend and only those sums are read (one transfer), then added in double.
     *
     * @param o a compatible collection
     * @return the inner product
     * @throws IllegalArgumentException if the names, shapes or dtypes differ
     */
    public double dot(Params o) {
        checkCompatible(o, "dot");
        return totalOf(i -> Ops.sum(Ops.mul(tensors.get(i), o.tensors.get(i))));
    }

    /**
     * The Euclidean norm, √(this · this).
     *
     * @return the norm
     */
    public double norm() {
        return Math.sqrt(dot(this));
    }

    /**
     * Zeros with the same names, shapes, dtypes and backends.
     *
     * @return a new collection
     */
    public Params zerosLike() {
        return map(t -> Ops.zeros(t.shape(), t.dtype(), t.backend()));
    }

    /**
     * True when every element of every tensor is finite. Computed where the tensors live: x·0 is 0
     * for finite x and NaN for an infinity or NaN, and the NaN survives the sums, so one small vector
     * of per-tensor sums is read.
     *
     * @return whether no element is infinite or NaN
     */
    public boolean isFinite() {
        return !Double.isNaN(totalOf(i -> Ops.sum(Ops.mul(tensors.get(i), 0.0))));
    }

    /**
     * The sum over i of the scalar tensors part(i), added in double on the host. When all tensors
     * share a backend and dtype the scalars are read in one transfer (a small vector); otherwise one
     * by one. Either way the total is the double sum of the same per-tensor values.
     */
    private double totalOf(IntFunction<Tensor> part) {
        if (tensors.isEmpty()) return 0;
        Tensor first = tensors.get(0);
        boolean uniform = tensors.stream().allMatch(t -> t.backend() == first.backend() && t.dtype() == first.dtype());
        double[] values;
        if (uniform) {
            List<Tensor> parts = new ArrayList<>(tensors.size());
            for (int i = 0; i < tensors.size(); i++) parts.add(Ops.reshape(part.apply(i), 1));
            values = Ops.concat(parts, 0).toDoubleArray();
        } else {
            values = new double[tensors.size()];
            for (int i = 0; i < values.length; i++) values[i] = part.apply(i).item();
        }
        double s = 0;
        for (double v : values) s += v;
        return s;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Params{");
        for (int i = 0; i < tensors.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(names.get(i)).append(tensors.get(i).shape()).append(' ').append(tensors.get(i).dtype());
        }
        return sb.append('}').toString();
    }
}
