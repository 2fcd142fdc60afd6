package dev.pearl.backend;

/**
 * Elementwise kernels of one input. {@code param} is used by POW (exponent), SCALE (factor) and
 * ADD_SCALAR (addend). STEP is 1 where x > 0 else 0; SIGN is -1, 0 or 1. LOGISTIC_SLOPE is
 * y(1 - y) and TANH_SLOPE is 1 - y²: the derivatives of sigmoid and tanh written in terms of
 * their outputs, fused so that backward passes make one sweep instead of three.
 */
public enum UnaryOp {
    IDENTITY, NEG, EXP, LOG, LOG1P, TANH, SIGMOID, SOFTPLUS, RELU, ABS, SQRT, SQUARE, POW, SCALE,
    ADD_SCALAR, STEP, SIGN, LOGISTIC_SLOPE, TANH_SLOPE
}
