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

    /** A single tensor named "x". */
    public static Params of(Tensor x) {
        return new Params(List.of("x"), List.of(x));
    }

    public static Params of(String name, Tensor x) {
        return new Params(List.of(name), List.of(x));
    }

    public static Params of(Map<String, ? extends Tensor> named) {
        return new Params(List.copyOf(named.keySet()), List.copyOf(named.values()));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a Params in insertion order; names must be unique. */
    public static final class Builder {
        private final LinkedHashMap<String, Tensor> map = new LinkedHashMap<>();

        public Builder add(String name, Tensor t) {
            if (map.putIfAbsent(name, t) != null) throw new IllegalArgumentException("duplicate parameter name '" + name + "'");
            return this;
        }

        public Params build() {
            return Params.of(map);
        }
    }

    public int size() {
        return tensors.size();
    }

    public List<String> names() {
        return Collections.unmodifiableList(names);
    }

    public List<Tensor> tensors() {
        return Collections.unmodifiableList(tensors);
    }

    public Tensor get(int i) {
        return tensors.get(i);
    }

    public Tensor get(String name) {
        int i = names.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no parameter named '" + name + "' (have " + names + ")");
        return tensors.get(i);
    }

    public String name(int i) {
        return names.get(i);
    }

    /** Total number of scalar elements. */
    public long numel() {
        long n = 0;
        for (Tensor t : tensors) n += t.size();
        return n;
    }

    /** Same names, each tensor transformed. */
    public Params map(UnaryOperator<Tensor> f) {
        List<Tensor> out = new ArrayList<>(tensors.size());
        for (Tensor t : tensors) out.add(f.apply(t));
        return new Params(names, out);
    }

    /** Same names, f applied to matching tensors of this and other (same names and shapes). */
    public Params zip(Params other, BiFunction<Tensor, Tensor, Tensor> f) {
        checkCompatible(other, "zip");
        List<Tensor> out = new ArrayList<>(tensors.size());
        for (int i = 0; i < tensors.size(); i++) out.add(f.apply(tensors.get(i), other.tensors.get(i)));
        return new Params(names, out);
    }

    /** Throws an error naming the first mismatch when other has other names, shapes or dtypes. */
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

    public Params add(Params o) {
        return zip(o, Ops::add);
    }

    public Params sub(Params o) {
        return zip(o, Ops::sub);
    }

    public Params scale(double c) {
        return map(t -> Ops.mul(t, c));
    }

    /** this + a * x. */
    public Params axpy(double a, Params x) {
        return zip(x, (t, u) -> Ops.add(t, Ops.mul(u, a)));
    }

    /**
     * Sum over all tensors of the elementwise product. The products and per-tensor sums run on the
     * tensors' backend and only those sums are read (one transfer), then added in double.
     */
    public double dot(Params o) {
        checkCompatible(o, "dot");
        return totalOf(i -> Ops.sum(Ops.mul(tensors.get(i), o.tensors.get(i))));
    }

    public double norm() {
        return Math.sqrt(dot(this));
    }

    public Params zerosLike() {
        return map(t -> Ops.zeros(t.shape(), t.dtype(), t.backend()));
    }

    /**
     * True when every element of every tensor is finite. Computed where the tensors live: x·0 is 0
     * for finite x and NaN for an infinity or NaN, and the NaN survives the sums, so one small vector
     * of per-tensor sums is read.
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
