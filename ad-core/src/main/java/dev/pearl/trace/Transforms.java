package dev.pearl.trace;

import dev.pearl.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The engine's entry points: forward mode, reverse mode and linearization of functions from a
 * list of tensors to a list of tensors. Each call opens a level for the duration of f and closes
 * it in every case. Zero derivatives come back as {@code null}; the user-facing {@code AD} facade
 * names, shapes and materialises them.
 */
public final class Transforms {
    private Transforms() {
    }

    /** u -> J(x)ᵀ u, one cotangent per output (null = zero); one result per input (null = zero). */
    @FunctionalInterface
    public interface Pullback {
        /**
         * J(x)ᵀ u.
         *
         * @param cotangents one per output, shaped like it (null = zero)
         * @return one cotangent per input (null = zero)
         * @throws IllegalArgumentException if the number of cotangents differs from the outputs'
         */
        List<Tensor> apply(List<Tensor> cotangents);
    }

    /**
     * f(x) and its pullback, which may be called many times.
     *
     * @param value the outputs
     * @param pullback u -&gt; J(x)ᵀ u
     */
    public record VjpResult(List<Tensor> value, Pullback pullback) {
    }

    /**
     * f(x) and J(x) v, a tangent per output (null = zero).
     *
     * @param value the outputs
     * @param tangent one tangent per output, null where zero
     */
    public record JvpResult(List<Tensor> value, List<Tensor> tangent) {
    }

    /**
     * Reverse mode: evaluates f at x, recording it, and returns the outputs with a pullback.
     *
     * @param f the function
     * @param x the inputs
     * @return f(x) and its pullback
     */
    public static VjpResult vjp(Function<List<Tensor>, List<Tensor>> f, List<Tensor> x) {
        return vjp(f, x, false);
    }

    /**
     * As {@link #vjp}, with a pullback that may be called once: its backward pass drops each value
     * of the forward pass as it passes it (what a gradient needs), so the peak memory of f and its
     * gradient together is lower. A second call throws {@link IllegalStateException}.
     *
     * @param f the function
     * @param x the inputs
     * @return f(x) and its one-use pullback
     */
    public static VjpResult vjpOnce(Function<List<Tensor>, List<Tensor>> f, List<Tensor> x) {
        return vjp(f, x, true);
    }

    private static VjpResult vjp(Function<List<Tensor>, List<Tensor>> f, List<Tensor> x, boolean once) {
        VjpLevel level = new VjpLevel();
        List<VjpLevel.Traced> leaves = new ArrayList<>(x.size());
        List<Tensor> y;
        try {
            List<Tensor> in = new ArrayList<>(x.size());
            for (Tensor t : x) {
                VjpLevel.Traced leaf = level.input(t);
                leaves.add(leaf);
                in.add(leaf);
            }
            y = List.copyOf(f.apply(in));
        } finally {
            level.close();
        }
        List<Tensor> value = new ArrayList<>(y.size());
        for (Tensor t : y) value.add(level.primalOf(t));
        return new VjpResult(value, u -> {
            if (u.size() != y.size())
                throw new IllegalArgumentException("vjp: " + u.size() + " cotangents for " + y.size() + " outputs");
            return Arrays.asList(level.backward(y, u, leaves, once));
        });
    }

    /**
     * Forward mode: evaluates f at x carrying the tangents v.
     *
     * @param f the function
     * @param x the inputs
     * @param v one tangent per input, shaped like it (null = zero)
     * @return f(x) and J(x) v
     * @throws IllegalArgumentException if x and v differ in length
     */
    public static JvpResult jvp(Function<List<Tensor>, List<Tensor>> f, List<Tensor> x, List<Tensor> v) {
        if (x.size() != v.size()) throw new IllegalArgumentException("jvp: " + v.size() + " tangents for " + x.size() + " inputs");
        JvpLevel level = new JvpLevel();
        List<Tensor> y;
        try {
            List<Tensor> in = new ArrayList<>(x.size());
            for (int i = 0; i < x.size(); i++) in.add(level.dual(x.get(i), v.get(i)));
            y = f.apply(in);
        } finally {
            level.close();
        }
        return new JvpResult(primals(level, y), tangents(level, y));
    }

    /**
     * Evaluates f once at x and records its tangent map, so that applying it or its transpose
     * costs only linear work.
     *
     * @param f the function
     * @param x the inputs
     * @return f(x) and its recorded linear map
     */
    public static LinearMap linearize(Function<List<Tensor>, List<Tensor>> f, List<Tensor> x) {
        StageLevel stage = new StageLevel();
        List<StageLevel.Var> vars = new ArrayList<>(x.size());
        List<Tensor> value, tangent;
        try {
            JvpLevel jvp = new JvpLevel();
            try {
                List<Tensor> in = new ArrayList<>(x.size());
                for (Tensor t : x) {
                    StageLevel.Var v = stage.newVar(t.shape(), t.dtype(), t.backend());
                    vars.add(v);
                    in.add(jvp.dual(t, v));
                }
                List<Tensor> y = f.apply(in);
                value = primals(jvp, y);
                tangent = tangents(jvp, y);
            } finally {
                jvp.close();
            }
        } finally {
            stage.close();
        }
        Tensor[] outs = new Tensor[tangent.size()];
        for (int k = 0; k < outs.length; k++) {
            Tensor t = tangent.get(k);
            outs[k] = t != null ? t : zerosLike(value.get(k));
        }
        return new LinearMap(value, new LinearProgram(stage, vars.toArray(new StageLevel.Var[0]), outs));
    }

    private static List<Tensor> primals(JvpLevel level, List<Tensor> y) {
        List<Tensor> out = new ArrayList<>(y.size());
        for (Tensor t : y) out.add(level.primalOf(t));
        return out;
    }

    private static List<Tensor> tangents(JvpLevel level, List<Tensor> y) {
        List<Tensor> out = new ArrayList<>(y.size());
        for (Tensor t : y) out.add(level.tangentOf(t));
        return out;
    }

    static Tensor zerosLike(Tensor x) {
        return x.backend().full(x.shape(), x.dtype(), 0);
    }
}
