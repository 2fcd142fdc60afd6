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
        if (tiled) {
            operands(launcher.kernel, arena, a.offset, transA ? 1 : k, transA ? m : 1, b.offset, transB ? 1 : n, transB ? k : 1, c.offset, n, 1, m, n, k);
            launcher.runTiles(n, m);
        } else if (!transB) {
            strip(launcher, arena, a.offset, transA ? 1 : k, transA ? m : 1, b.offset, n, c.offset, n, 1, m, n, k);
        } else if (transA) {
            // Aᵀ Bᵀ = (B A)ᵀ: B is [n, k] row-major, A is [k, m] row-major.
            strip(launcher, arena, b.offset, k, 1, a.offset, m, c.offset, 1, n, n, m, k);
        } else if ((long) n <= m) {
            int packed = transposedCopy(launcher, arena, b.offset, n, k);
            strip(launcher, arena, a.offset, k, 1, packed, n, c.offset, n, 1, m, n, k);
            arena.freeRaw(packed, k * n);
        } else {
            // A Bᵀ = (B Aᵀ)ᵀ with Aᵀ packed.
            int packed = transposedCopy(launcher, arena, a.offset, m, k);
            strip(launcher, arena, b.offset, k, 1, packed, m, c.offset, 1, n, n, m, k);
            arena.freeRaw(packed, k * m);
        }
    }

    private static void strip(Launcher launcher, Arena arena, int a, int aRow, int aCol, int b, int bRow, int y, int yRow, int yCol, int rows, int cols, int inner) {
        operands(launcher.kernel, arena, a, aRow, aCol, b, bRow, 1, y, yRow, yCol, rows, cols, inner);
        int rowBlocks = (rows + Opcode.STRIP_ROWS - 1) / Opcode.STRIP_ROWS;
        int colBlocks = (cols + Opcode.STRIP_COLS - 1) / Opcode.STRIP_COLS;
        launcher.run(rowBlocks * colBlocks);
    }

    /** Selects the matmul (in the program's form) on {@code arena} with the given operands: base, row stride, column stride each. */
    private static void operands(DeviceKernel kern, Arena arena, int a, int aRow, int aCol, int b, int bRow, int bCol,
                                 int y, int yRow, int yCol, int rows, int cols, int inner) {
        kern.select(Opcode.MATMUL, 0, arena.dtype);
        Operand.A.bind(kern, a, aRow, aCol);
        Operand.B.bind(kern, b, bRow, bCol);
        Operand.Y.bind(kern, y, yRow, yCol);
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
            kern.select(Opcode.COPY, 0, arena.dtype);
            layout.applyShape(kern);
            layout.bind(kern, Operand.Y, target, 0);
            layout.bind(kern, Operand.A, source, 1);
            launcher.runElements(rows * cols);
        }
        return target;
    }
}
