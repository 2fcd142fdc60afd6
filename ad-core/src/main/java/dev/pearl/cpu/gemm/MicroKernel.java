package dev.pearl.cpu.gemm;

/**
 * Computes one mr x nr tile of C from a packed A micro-panel (kc groups of mr) and a packed B
 * micro-panel (kc groups of nr). The tile is always full; the driver handles ragged edges.
 */
abstract class MicroKernel<A> {
    /** The shape's name, e.g. "8x3 vectors" or "scalar". */
    final String name;
    final int mr, nr;
    /** Rough multiply-adds per nanosecond on one core; only steers path and thread choices. */
    final double rate;

    MicroKernel(String name, int mr, int nr, double rate) {
        this.name = name;
        this.mr = mr;
        this.nr = nr;
        this.rate = rate;
    }

    /** Writes (acc=false) or adds (acc=true) the tile into c at co with row stride ldc. */
    abstract void compute(int kc, A a, int ao, A b, int bo, A c, int co, int ldc, boolean acc);
}
