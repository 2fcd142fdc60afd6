package dev.pearl.gpu;

/**
 * Plans and launches C = op(A) op(B). The tiled kernel reads either operand transposed in
 * place. The strip kernel needs a right operand whose columns are contiguous, so it computes
 * A B and Aᵀ B directly, Aᵀ Bᵀ as (B A)ᵀ (stored transposed), and for A Bᵀ, where neither
 * operand has contiguous columns, first repacks the smaller operand transposed into a temporary
 * (as BLAS packs panels; the caller's tensors are never changed or re-laid out).
 */
final class MatrixProducts {
    private MatrixProducts() {
    }

    static void matmul(Launcher launcher, Arena arena, boolean tiled, DeviceStorage a, DeviceStorage b,
                       boolean transA, boolean transB, int m, int k, int n, DeviceStorage c) {
        if (m == 0 || n == 0) return;
        DeviceKernel kern = launcher.kernel;
        kern.wide = arena.dtype.bytes() == 8 ? 1 : 0;
        if (tiled) {
            operands(kern, a.offset, transA ? 1 : k, transA ? m : 1, b.offset, transB ? 1 : n, transB ? k : 1, c.offset, n, 1, m, n, k);
            kern.op = Opcode.MATMUL_TILED;
            launcher.runTiles(n, m);
        } else if (!transB) {
            strip(launcher, a.offset, transA ? 1 : k, transA ? m : 1, b.offset, n, c.offset, n, 1, m, n, k);
        } else if (transA) {
            // Aᵀ Bᵀ = (B A)ᵀ: B is [n, k] row-major, A is [k, m] row-major.
            strip(launcher, b.offset, k, 1, a.offset, m, c.offset, 1, n, n, m, k);
        } else if ((long) n <= m) {
            int packed = transposedCopy(launcher, arena, b.offset, n, k);
            strip(launcher, a.offset, k, 1, packed, n, c.offset, n, 1, m, n, k);
            arena.freeRaw(packed, k * n);
        } else {
            // A Bᵀ = (B Aᵀ)ᵀ with Aᵀ packed.
            int packed = transposedCopy(launcher, arena, a.offset, m, k);
            strip(launcher, b.offset, k, 1, packed, m, c.offset, 1, n, n, m, k);
            arena.freeRaw(packed, k * m);
        }
    }

    private static void strip(Launcher launcher, int a, int aRow, int aCol, int b, int bRow, int y, int yRow, int yCol, int rows, int cols, int inner) {
        DeviceKernel kern = launcher.kernel;
        operands(kern, a, aRow, aCol, b, bRow, 1, y, yRow, yCol, rows, cols, inner);
        kern.op = Opcode.MATMUL_STRIP;
        int rowBlocks = (rows + Opcode.STRIP_ROWS - 1) / Opcode.STRIP_ROWS;
        int colBlocks = (cols + Opcode.STRIP_COLS - 1) / Opcode.STRIP_COLS;
        launcher.run(rowBlocks * colBlocks);
    }

    private static void operands(DeviceKernel kern, int a, int aRow, int aCol, int b, int bRow, int bCol,
                                 int y, int yRow, int yCol, int rows, int cols, int inner) {
        kern.aBase = a;
        kern.aS0 = aRow;
        kern.aS1 = aCol;
        kern.bBase = b;
        kern.bS0 = bRow;
        kern.bS1 = bCol;
        kern.yBase = y;
        kern.yS0 = yRow;
        kern.yS1 = yCol;
        kern.mr = rows;
        kern.nc = cols;
        kern.kk = inner;
    }

    /** A temporary holding the transpose ([cols, rows]) of the row-major [rows, cols] matrix at {@code source}. */
    private static int transposedCopy(Launcher launcher, Arena arena, int source, int rows, int cols) {
        int target = arena.allocateRaw(rows * cols);
        if (rows * cols > 0) {
            StridedLayout layout = StridedLayout.of(new int[]{cols, rows}, new int[]{rows, 1}, new int[]{1, cols});
            DeviceKernel kern = launcher.kernel;
            kern.op = Opcode.COPY;
            layout.applyShape(kern);
            layout.bindY(kern, target, 0);
            layout.bindA(kern, source, 1);
            launcher.runElements(rows * cols);
        }
        return target;
    }
}
