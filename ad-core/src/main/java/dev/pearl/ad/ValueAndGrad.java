package dev.pearl.ad;

import dev.pearl.tensor.Tensor;

/**
 * A scalar function's value and its gradient (a Tensor or Params like the input).
 *
 * @param <G> {@link Tensor} or {@link dev.pearl.Params}, like the function's input
 * @param value f(x), one element
 * @param grad ∇f(x), shaped like x
 */
public record ValueAndGrad<G>(Tensor value, G grad) {
}
