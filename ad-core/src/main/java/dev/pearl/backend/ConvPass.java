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
    WEIGHT_GRADIENT;

    /**
     * Of this pass's two operands and its result, the one shaped as the convolution's input [C, H, W, batch].
     *
     * @param <T> what stands for each (a tensor, a shape)
     * @param a the first operand
     * @param b the second operand
     * @param result the result
     * @return result for INPUT_GRADIENT, else a
     */
    public <T> T input(T a, T b, T result) {
        return this == INPUT_GRADIENT ? result : a;
    }

    /**
     * Of this pass's two operands and its result, the one shaped as the convolution's weights [O, C, kh, kw].
     *
     * @param <T> what stands for each (a tensor, a shape)
     * @param a the first operand
     * @param b the second operand
     * @param result the result
     * @return result for WEIGHT_GRADIENT, else b
     */
    public <T> T weights(T a, T b, T result) {
        return this == WEIGHT_GRADIENT ? result : b;
    }

    /**
     * Of this pass's two operands and its result, the one shaped as the convolution's output [O, outH, outW, batch].
     *
     * @param <T> what stands for each (a tensor, a shape)
     * @param a the first operand
     * @param b the second operand
     * @param result the result
     * @return result for FORWARD, a for INPUT_GRADIENT, b for WEIGHT_GRADIENT
     */
    public <T> T output(T a, T b, T result) {
        return this == FORWARD ? result : this == INPUT_GRADIENT ? a : b;
    }
}
