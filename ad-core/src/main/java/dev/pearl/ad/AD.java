package dev.pearl.ad;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import dev.pearl.trace.Transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The transforms: {@code grad}, {@code valueAndGrad}, {@code vjp}, {@code jvp},
 * {@code linearize} and {@code hvp}. Each works on functions of one {@link Tensor} or of
 * {@link Params}, and they nest to any order: {@code hvp} is literally {@code jvp} of
 * {@code grad} (forward-over-reverse).
 *
 * <p>Inputs the function does not use get zero derivatives (never an error). Functions must be
 * pure: a tracer stored outside and reused after the transform returns is reported as an error.
 */
public final class AD {
    private AD() {
    }

    // ---------------------------------------------------------------- reverse mode

    /**
     * The gradient of a scalar function.
     *
     * @param f a function returning one element
     * @param x the point
     * @return ∇f(x), shaped like x
     * @throws IllegalArgumentException if f's result has more than one element
     */
    public static Tensor grad(Function<Tensor, Tensor> f, Tensor x) {
        return valueAndGrad(f, x).grad();
    }

    /**
     * The gradient of a scalar function of several tensors.
     *
     * @param f a function returning one element
     * @param x the point
     * @return ∇f(x), with x's names and shapes
     * @throws IllegalArgumentException if f's result has more than one element
     */
    public static Params grad(Function<Params, Tensor> f, Params x) {
        return valueAndGrad(f, x).grad();
    }

    /**
     * f(x) and its gradient from one evaluation of f.
     *
     * @param f a function returning one element
     * @param x the point
     * @return the value and ∇f(x)
     * @throws IllegalArgumentException if f's result has more than one element
     */
    public static ValueAndGrad<Tensor> valueAndGrad(Function<Tensor, Tensor> f, Tensor x) {
        ValueAndGrad<Params> r = valueAndGrad(p -> f.apply(p.get(0)), Params.of(x));
        return new ValueAndGrad<>(r.value(), r.grad().get(0));
    }

    /**
     * f(x) and its gradient from one evaluation of f.
     *
     * @param f a function returning one element
     * @param x the point
     * @return the value and ∇f(x), with x's names and shapes
     * @throws IllegalArgumentException if f's result has more than one element
     */
    public static ValueAndGrad<Params> valueAndGrad(Function<Params, Tensor> f, Params x) {
        Vjp v = vjp(p -> Params.of("out", f.apply(p)), x, true); // one pullback: the tape is freed as it goes
        Tensor y = v.value().get(0);
        if (y.size() != 1)
            throw new IllegalArgumentException("grad: the function must return a scalar (one element), got shape " + y.shape() + "; use vjp for other outputs");
        return new ValueAndGrad<>(y, v.pullback(Params.of("out", Ops.onesLike(y))));
    }

    /**
     * Evaluates f at x and returns its value with a pullback u -&gt; J(x)ᵀ u (callable many times).
     *
     * @param f the function
     * @param x the point
     * @return f(x) and its pullback
     */
    public static Vjp vjp(Function<Params, Params> f, Params x) {
        return vjp(f, x, false);
    }

    private static Vjp vjp(Function<Params, Params> f, Params x, boolean once) {
        Params[] out = new Params[1];
        Function<List<Tensor>, List<Tensor>> g = xs -> (out[0] = f.apply(rebuild(x, xs))).tensors();
        Transforms.VjpResult r = once ? Transforms.vjpOnce(g, x.tensors()) : Transforms.vjp(g, x.tensors());
        Params value = rebuild(out[0], r.value());
        return new Vjp(value, u -> {
            value.checkCompatible(u, "vjp");
            return rebuild(x, orZeros(r.pullback().apply(u.tensors()), x.tensors()));
        });
    }

    /**
     * Single-tensor form of {@link #vjp(Function, Params)}.
     *
     * @param f the function
     * @param x the point
     * @return f(x) and its pullback
     */
    public static VjpOne vjp(Function<Tensor, Tensor> f, Tensor x) {
        Vjp v = vjp(p -> Params.of("out", f.apply(p.get(0))), Params.of(x));
        return new VjpOne(v.value().get(0), u -> v.pullback(Params.of("out", u)).get(0));
    }

    // ---------------------------------------------------------------- forward mode

    /**
     * f(x) and its directional derivative J(x) v.
     *
     * @param f the function
     * @param x the point
     * @param v the direction, compatible with x (same names, shapes and dtypes)
     * @return f(x) and J(x) v
     * @throws IllegalArgumentException if v is not compatible with x
     */
    public static Jvp<Params> jvp(Function<Params, Params> f, Params x, Params v) {
        x.checkCompatible(v, "jvp");
        Params[] out = new Params[1];
        Transforms.JvpResult r = Transforms.jvp(xs -> (out[0] = f.apply(rebuild(x, xs))).tensors(), x.tensors(), v.tensors());
        return new Jvp<>(rebuild(out[0], r.value()), rebuild(out[0], orZeros(r.tangent(), r.value())));
    }

    /**
     * f(x) and its directional derivative J(x) v, for a function of one tensor.
     *
     * @param f the function
     * @param x the point
     * @param v the direction, shaped like x
     * @return f(x) and J(x) v
     * @throws IllegalArgumentException if v's shape or dtype differ from x's
     */
    public static Jvp<Tensor> jvp(Function<Tensor, Tensor> f, Tensor x, Tensor v) {
        Jvp<Params> r = jvp(p -> Params.of("out", f.apply(p.get(0))), Params.of(x), Params.of(v));
        return new Jvp<>(r.value().get(0), r.tangent().get(0));
    }

    /**
     * Evaluates f once at x and records its tangent map: {@code jvp(v)} and {@code vjp(u)} on the
     * result then cost only linear work (no primal recomputation).
     *
     * @param f the function
     * @param x the point
     * @return f(x) and its recorded linearization
     */
    public static Linearized linearize(Function<Params, Params> f, Params x) {
        Params[] out = new Params[1];
        var map = Transforms.linearize(xs -> (out[0] = f.apply(rebuild(x, xs))).tensors(), x.tensors());
        return new Linearized(x, rebuild(out[0], map.value()), map);
    }

    /**
     * Single-tensor form of {@link #linearize(Function, Params)}; the result's tensors are named
     * "x" (input) and "out" (output).
     *
     * @param f the function
     * @param x the point
     * @return f(x) and its recorded linearization
     */
    public static Linearized linearize(Function<Tensor, Tensor> f, Tensor x) {
        return linearize(p -> Params.of("out", f.apply(p.get(0))), Params.of(x));
    }

    // ---------------------------------------------------------------- second order

    /**
     * Hessian-vector product H(x) v of a scalar function, by forward-over-reverse.
     *
     * @param f a function returning one element
     * @param x the point
     * @param v the direction, shaped like x
     * @return H(x) v, shaped like x
     * @throws IllegalArgumentException if f's result has more than one element
     */
    public static Tensor hvp(Function<Tensor, Tensor> f, Tensor x, Tensor v) {
        return jvp(y -> grad(f, y), x, v).tangent();
    }

    /**
     * Hessian-vector product H(x) v of a scalar function of several tensors, by forward-over-reverse.
     *
     * @param f a function returning one element
     * @param x the point
     * @param v the direction, compatible with x
     * @return H(x) v, with x's names and shapes
     * @throws IllegalArgumentException if f's result has more than one element or v is not compatible with x
     */
    public static Params hvp(Function<Params, Tensor> f, Params x, Params v) {
        return jvp(p -> grad(f, p), x, v).tangent();
    }

    static Params rebuild(Params like, List<Tensor> tensors) {
        Params.Builder b = Params.builder();
        for (int i = 0; i < like.size(); i++) b.add(like.name(i), tensors.get(i));
        return b.build();
    }

    /** The derivatives, with zeros shaped like the matching value where the engine says zero (null). */
    private static List<Tensor> orZeros(List<Tensor> derivatives, List<Tensor> like) {
        List<Tensor> out = new ArrayList<>(derivatives.size());
        for (int i = 0; i < derivatives.size(); i++) {
            Tensor d = derivatives.get(i);
            out.add(d != null ? d : Ops.zerosLike(like.get(i)));
        }
        return out;
    }

    static void checkShape(String op, Tensor t, Shape expected) {
        if (!t.shape().equals(expected))
            throw new IllegalArgumentException(op + ": expected shape " + expected + ", got " + t.shape());
    }
}
