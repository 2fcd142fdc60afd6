package dev.pearl.backend;

/**
 * Elementwise kernels of one input. {@code param} is used by POW (exponent), SCALE (factor) and
 * ADD_SCALAR (addend). STEP is 1 where x > 0 else 0; SIGN is -1, 0 or 1. LOGISTIC_SLOPE is
 * y(1 - y) and TANH_SLOPE is 1 - y²: the derivatives of sigmoid and tanh written in terms of
 * their outputs, fused so that backward passes make one sweep instead of three.
 */
public enum UnaryOp {
    /** x. */
    IDENTITY,
    /** -x. */
    NEG,
    /** eˣ. */
    EXP,
    /** The natural logarithm. */
    LOG,
    /** log(1 + x). */
    LOG1P,
    /** The hyperbolic tangent. */
    TANH,
    /** 1 / (1 + e⁻ˣ). */
    SIGMOID,
    /** log(1 + eˣ), without overflow. */
    SOFTPLUS,
    /** max(x, 0). */
    RELU,
    /** |x|. */
    ABS,
    /** √x. */
    SQRT,
    /** x². */
    SQUARE,
    /** x^param. */
    POW,
    /** param · x. */
    SCALE,
    /** x + param. */
    ADD_SCALAR,
    /** 1 where x &gt; 0, else 0. */
    STEP,
    /** -1, 0 or 1. */
    SIGN,
    /** y(1 - y) of a sigmoid output y. */
    LOGISTIC_SLOPE,
    /** 1 - y² of a tanh output y. */
    TANH_SLOPE
}
