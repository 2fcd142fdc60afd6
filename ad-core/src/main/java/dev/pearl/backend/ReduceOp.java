package dev.pearl.backend;

/** Reductions along axes. */
public enum ReduceOp {
    SUM, MAX
}
