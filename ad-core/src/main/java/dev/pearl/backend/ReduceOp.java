package dev.pearl.backend;

/** Reductions along axes. */
public enum ReduceOp {
    /** The sum of the elements. */
    SUM,
    /** The largest element. */
    MAX
}
