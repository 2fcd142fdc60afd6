package dev.pearl.gpu;

/**
 * What one launch of the device kernel does. Aparapi compiles one kernel class into one OpenCL
 * program whose buffers live as long as the kernel instance, so every op is a branch of that one
 * program, selected by these codes (kernel arguments, uniform across work-items).
 */
final class Opcode {
    /** y[i] = scalar. */
    static final int FILL = 1;
    /** y[strided] = a[strided]: transpose, broadcastTo, slice, concat parts, packing. */
    static final int COPY = 2;
    /** y[i] = f(a[i], param). */
    static final int UNARY = 3;
    /** y[i] = g(a[strided], b[strided]). */
    static final int BINARY = 4;
    /** y[i] = c[strided] != 0 ? a[strided] : b[strided]. */
    static final int WHERE = 5;
    /** Sum or max of one chunk of the reduced elements per work-item. */
    static final int REDUCE = 6;
    /**
     * Matmul in the program's form: on CPU devices 4 rows x 64 contiguous columns per work-item, a
     * loop PoCL vectorises (strip); on GPUs 16x16 tiles staged in local memory (tiled).
     */
    static final int MATMUL = 7;
    /** Arena <- staging array (uploads). */
    static final int STAGE_IN = 9;
    /** Staging array <- arena (downloads), plus the arena's canary. */
    static final int STAGE_OUT = 10;
    /** float64 arena <-> float32 arena. */
    static final int CAST = 11;
    /** Writes the canary into slot 0 of an arena. */
    static final int CANARY = 12;
    /** y[o, m, k] = a[o, index[m], k] by an index table in ix. */
    static final int GATHER = 13;
    /** y[o, s, k] = sum of a[o, m, k] over the m with index[m] = s, by the index's inverse in ix. */
    static final int SCATTER_ADD = 14;

    /** Rows and columns of one strip work-item. */
    static final int STRIP_ROWS = 4;
    static final int STRIP_COLS = 64;
    /** Side of a square matmul tile; a tiled work-group has TILE x TILE work-items. */
    static final int TILE = 16;

    private Opcode() {
    }
}
