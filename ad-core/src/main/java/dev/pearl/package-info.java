/**
 * What user code calls to compute: {@link dev.pearl.Ops}, every differentiable operation on
 * tensors (arithmetic with broadcasting, elementwise functions, masks, matrix products, shapes,
 * indexing, convolution and pooling, reductions), and {@link dev.pearl.Params}, the ordered named
 * tensors that the transforms and optimizers take and return.
 */
package dev.pearl;
