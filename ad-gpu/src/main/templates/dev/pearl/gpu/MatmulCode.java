package dev.pearl.gpu;

/* Written at build time from the template ad-gpu/src/main/templates/dev/pearl/gpu/MatmulCode.java, once per
 * element type: edit the template (its tokens are explained in ElementwiseCode.java there). */

/**
 * C = A B on the $type$ arena, with A(i, l) at aBase + i aS0 + l aS1, B(l, j) at bBase + l bS0 +
 * j bS1 and C(i, j) at yBase + i yS0 + j yS1: transposed operands are read in place through their
 * strides.
 *
 * <p>Two forms; each program holds one of them (see DevicePrograms and MatrixProducts):
 * <ul>
 * <li><b>strip</b> (CPU devices): one work-item computes 4 rows x 64 columns; its inner loop runs
 * over 64 contiguous elements of a row of B, which PoCL's compiler vectorises, and each loaded B
 * element feeds four multiply-adds. Needs bS1 == 1.</li>
 * <li><b>tiled</b> (GPUs): a 16x16 work-group stages 16x16 tiles of A and B in local memory, one
 * output per work-item.</li>
 * </ul>
 */
abstract class $Type$MatmulCode extends $Type$ReductionCode {
    private static final $type$ ZERO = 0;

    $type$[] acc$T$_$private$256 = new $type$[Opcode.STRIP_ROWS * Opcode.STRIP_COLS];

    @Local $type$[] tileA$T$ = new $type$[Opcode.TILE * Opcode.TILE];
    @Local $type$[] tileB$T$ = new $type$[Opcode.TILE * Opcode.TILE];

    void matmulStrip$T$() {
        int g = getGlobalId();
        int colBlocks = (nc + 63) / 64;
        int i0 = (g / colBlocks) * 4;
        int j0 = (g % colBlocks) * 64;
        if (i0 < mr) {
            int w = min(64, nc - j0);
            int rows = min(4, mr - i0);
            for (int q = 0; q < 256; q++) acc$T$_$private$256[q] = ZERO;
            for (int l = 0; l < kk; l++) {
                int a = aBase + i0 * aS0 + l * aS1;
                int b = bBase + l * bS0 + j0;
                $type$ a0 = arena$T$[a];
                $type$ a1 = rows > 1 ? arena$T$[a + aS0] : ZERO;
                $type$ a2 = rows > 2 ? arena$T$[a + 2 * aS0] : ZERO;
                $type$ a3 = rows > 3 ? arena$T$[a + 3 * aS0] : ZERO;
                for (int jj = 0; jj < w; jj++) {
                    $type$ bv = arena$T$[b + jj];
                    acc$T$_$private$256[jj] += a0 * bv;
                    acc$T$_$private$256[64 + jj] += a1 * bv;
                    acc$T$_$private$256[128 + jj] += a2 * bv;
                    acc$T$_$private$256[192 + jj] += a3 * bv;
                }
            }
            for (int r = 0; r < rows; r++) {
                int c = yBase + (i0 + r) * yS0 + j0 * yS1;
                for (int jj = 0; jj < w; jj++) arena$T$[c + jj * yS1] = acc$T$_$private$256[r * 64 + jj];
            }
        }
    }

    void matmulTiled$T$() {
        int tx = getLocalId(0);
        int ty = getLocalId(1);
        int j = getGlobalId(0);
        int i = getGlobalId(1);
        $type$ s = ZERO;
        for (int t = 0; t < kk; t += 16) {
            tileA$T$[ty * 16 + tx] = i < mr && t + tx < kk ? arena$T$[aBase + i * aS0 + (t + tx) * aS1] : ZERO;
            tileB$T$[ty * 16 + tx] = j < nc && t + ty < kk ? arena$T$[bBase + (t + ty) * bS0 + j * bS1] : ZERO;
            localBarrier();
            for (int l = 0; l < 16; l++) s += tileA$T$[ty * 16 + l] * tileB$T$[l * 16 + tx];
            localBarrier();
        }
        if (i < mr && j < nc) arena$T$[yBase + i * yS0 + j * yS1] = s;
    }
}
