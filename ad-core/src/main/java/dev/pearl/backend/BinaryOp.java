package dev.pearl.backend;

/**
 * Elementwise kernels of two inputs with NumPy broadcasting. Comparisons give 1 or 0 in the
 * inputs' dtype.
 */
public enum BinaryOp {
    /** a + b. */
    ADD,
    /** a - b. */
    SUB,
    /** a · b. */
    MUL,
    /** a / b. */
    DIV,
    /** The larger of a and b. */
    MAX,
    /** The smaller of a and b. */
    MIN,
    /** 1 where a &gt; b, else 0. */
    GT,
    /** 1 where a &gt;= b, else 0. */
    GE,
    /** 1 where a &lt; b, else 0. */
    LT,
    /** 1 where a &lt;= b, else 0. */
    LE,
    /** 1 where a == b, else 0. */
    EQ,
    /** a · b(1 − b): a derivative times the logistic function's slope, from its output b. */
    MUL_LOGISTIC_SLOPE,
    /** a · (1 − b²): a derivative times tanh's slope, from its output b. */
    MUL_TANH_SLOPE
}
