package dev.pearl.cpu.gemm;

/**
 * Fallback micro-kernel without the Vector API: 4 rows x nr, updated by one fused axpy loop per
 * k-step that C2 auto-vectorises. C2 only vectorises when every array in the loop is indexed by the
 * same plain j (two same-typed arrays at different offsets might alias), so each k-row of the
 * packed B panel is first copied to a scratch row and each accumulator row is its own array.
 * Accumulators live in L1, not registers: several times slower than the vector kernels.
 */
final class ScalarKernel<A> extends MicroKernel<A> {
    private final ArrayOps<A> ops;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    ScalarKernel(ArrayOps<A> ops, int nr, double rate) {
        super("scalar", 4, nr, rate);
        this.ops = ops;
    }

    @Override
    void compute(int kc, A a, int ao, A b, int bo, A c, int co, int ldc, boolean acc) {
        Scratch s = scratch.get();
        for (int r = 0; r < 4; r++) ops.zero(s.y[r], 0, nr);
        for (int p = 0; p < kc; p++) {
            System.arraycopy(b, bo + p * nr, s.x, 0, nr);
            ops.axpy4(a, ao + p * 4, s.x, s.y[0], s.y[1], s.y[2], s.y[3], nr);
        }
        for (int r = 0; r < 4; r++) ops.tileOut(s.y[r], nr, c, co + r * ldc, ldc, 1, nr, acc);
    }

    /** One thread's B row copy and accumulator rows. */
    private final class Scratch {
        final A x = ops.alloc(nr);
        final A[] y = ops.rows(4, nr);
    }
}
