package dev.pearl.nn;

/**
 * Where a {@link Layer} can take the cases axis of its batch. {@link Sequential} runs each stretch
 * of layers that can all take it last, and that holds a layer which prefers it, on batches held
 * cases last [...case shape, cases]: transposed once on entering the stretch and once on leaving
 * it, instead of inside every convolution and pooling.
 */
public enum CasesLayout {
    /** Only [cases, ...]: {@link Layer#apply}. */
    FIRST,
    /** Either way at the same cost (elementwise layers): {@link Layer#applyCasesLast} as well. */
    EITHER,
    /** Either way, cases last without transposes (convolution, pooling): {@link Layer#applyCasesLast} is its native form. */
    LAST
}
