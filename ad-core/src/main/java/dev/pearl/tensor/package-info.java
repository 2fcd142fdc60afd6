/**
 * The values everything else is built on: {@link dev.pearl.tensor.Tensor} (immutable, row-major,
 * float32 or float64), {@link dev.pearl.tensor.Shape}, {@link dev.pearl.tensor.DType}, host-side
 * integer data for gathers and embeddings ({@link dev.pearl.tensor.Index}, never differentiated),
 * a convolution's strides, padding and dilation ({@link dev.pearl.tensor.ConvSpec}), and the
 * backend SPI ({@link dev.pearl.tensor.Backend}, found through
 * {@link dev.pearl.tensor.BackendProvider} with {@link java.util.ServiceLoader}). Operations on
 * tensors are in {@code dev.pearl.Ops}; this package depends on nothing above it, which is why a
 * tensor has no arithmetic methods of its own.
 */
package dev.pearl.tensor;
