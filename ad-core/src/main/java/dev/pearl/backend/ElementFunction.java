package dev.pearl.backend;

/**
 * An elementwise function of one input and a constant parameter, as a backend sees it: a stable
 * name and the scalar formula that defines it. The functions themselves, each with its
 * derivative, are declared once above the backends (the primitives); a backend finds its own
 * kernel for a function by name and, where it has none, either runs {@link #apply} element by
 * element (the CPU backend) or refuses the function with an error naming it (a device backend
 * cannot run Java code).
 */
public interface ElementFunction {
    /**
     * The stable name kernels are keyed by.
     *
     * @return the name in upper snake case ({@code EXP}, {@code TANH_SLOPE})
     */
    String name();

    /**
     * The scalar formula, the definition every kernel of the function must reproduce.
     *
     * @param x the input element
     * @param p the function's constant parameter (the exponent of POW, the factor of SCALE; ignored
     *          by most functions)
     * @return f(x) for parameter p
     */
    double apply(double x, double p);
}
