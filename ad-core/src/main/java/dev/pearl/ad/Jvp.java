package dev.pearl.ad;

/**
 * f(x) and J(x) v.
 *
 * @param <T> {@link dev.pearl.tensor.Tensor} or {@link dev.pearl.Params}, like the function's input and output
 * @param value f(x)
 * @param tangent J(x) v, shaped like the value
 */
public record Jvp<T>(T value, T tangent) {
}
