package dev.pearl.cpu;

import dev.pearl.cpu.parallel.ThreadPool;
import dev.pearl.tensor.Shape;

/** Axis permutation as a strided copy through {@link StridedEngine}. */
final class Transposes {
    private Transposes() {
    }

    /** out (shape = in permuted) receives x with result dim i = input dim perm[i]. */
    static void permute(ThreadPool pool, CpuStorage x, Shape in, int[] perm, CpuStorage out) {
        int r = in.rank();
        int[] inStrides = in.strides();
        int[] outDims = new int[r];
        int[] viewStrides = new int[r];
        for (int i = 0; i < r; i++) {
            outDims[i] = in.dim(perm[i]);
            viewStrides[i] = inStrides[perm[i]];
        }
        StridedEngine.View v = new StridedEngine.View(x, 0, viewStrides);
        StridedEngine.run(pool, Shape.of(outDims), out, new StridedEngine.View[]{v},
                (src, off, y, yo, n) -> System.arraycopy(src[0], off[0], y, yo, n));
    }
}
