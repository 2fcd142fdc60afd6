package dev.pearl.backend;

/**
 * Elementwise kernels of two inputs with NumPy broadcasting. Comparisons give 1 or 0 in the
 * inputs' dtype.
 */
public enum BinaryOp {
    ADD, SUB, MUL, DIV, MAX, MIN, GT, GE, LT, LE, EQ
}
