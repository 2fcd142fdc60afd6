package dev.pearl.backend;

/**
 * The three products of a 2-D convolution, each bilinear and each the adjoint of the others in
 * one of its arguments, so a convolution's derivatives of every order are these three again. The
 * tensors are held cases last: input [C, H, W, batch], weights [O, C, kh, kw], output [O, outH,
 * outW, batch].
 */
public enum ConvPass {
    /** (input, weights) to output: the convolution itself. */
    FORWARD,
    /** (output gradient, weights) to input gradient: the transposed convolution. */
    INPUT_GRADIENT,
    /** (input, output gradient) to weight gradient: the correlation of the two. */
    WEIGHT_GRADIENT
}
