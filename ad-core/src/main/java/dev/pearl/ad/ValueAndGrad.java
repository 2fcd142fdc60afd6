package dev.pearl.ad;

import dev.pearl.tensor.Tensor;

/** A scalar function's value and its gradient (a Tensor or Params like the input). */
public record ValueAndGrad<G>(Tensor value, G grad) {
}
