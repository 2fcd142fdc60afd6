package dev.pearl.gpu;

/**
 * C = A B with A(i, l) at aBase + i aS0 + l aS1, B(l, j) at bBase + l bS0 + j bS1 and C(i, j) at
 * yBase + i yS0 + j yS1: transposed operands are read in place through their strides.
 *
 * <p>Two forms, chosen per device type (MatmulPlan):
 * <ul>
 * <li><b>strip</b> (CPU devices): one work-item computes 4 rows x 64 columns; its inner loop runs
 * over 64 contiguous elements of a row of B, which PoCL's compiler vectorises, and each loaded B
 * element feeds four multiply-adds. Needs bS1 == 1.</li>
 * <li><b>tiled</b> (GPUs): a 16x16 work-group stages 16x16 tiles of A and B in local memory, one
 * output per work-item.</li>
 * </ul>
 */
abstract class MatmulCode extends ReductionCode {
    float[] accF_$private$256 = new float[Opcode.STRIP_ROWS * Opcode.STRIP_COLS];
    double[] accD_$private$256 = new double[Opcode.STRIP_ROWS * Opcode.STRIP_COLS];

    @Local float[] tileAF = new float[Opcode.TILE * Opcode.TILE];
    @Local float[] tileBF = new float[Opcode.TILE * Opcode.TILE];
    @Local double[] tileAD = new double[Opcode.TILE * Opcode.TILE];
    @Local double[] tileBD = new double[Opcode.TILE * Opcode.TILE];

    void matmulStripF() {
        int g = getGlobalId();
        int colBlocks = (nc + 63) / 64;
        int i0 = (g / colBlocks) * 4;
        int j0 = (g % colBlocks) * 64;
        if (i0 < mr) {
            int w = min(64, nc - j0);
            int rows = min(4, mr - i0);
            for (int q = 0; q < 256; q++) accF_$private$256[q] = 0f;
            for (int l = 0; l < kk; l++) {
                int a = aBase + i0 * aS0 + l * aS1;
                int b = bBase + l * bS0 + j0;
                float a0 = f[a];
                float a1 = rows > 1 ? f[a + aS0] : 0f;
                float a2 = rows > 2 ? f[a + 2 * aS0] : 0f;
                float a3 = rows > 3 ? f[a + 3 * aS0] : 0f;
                for (int jj = 0; jj < w; jj++) {
                    float bv = f[b + jj];
                    accF_$private$256[jj] += a0 * bv;
                    accF_$private$256[64 + jj] += a1 * bv;
                    accF_$private$256[128 + jj] += a2 * bv;
                    accF_$private$256[192 + jj] += a3 * bv;
                }
            }
            for (int r = 0; r < rows; r++) {
                int c = yBase + (i0 + r) * yS0 + j0 * yS1;
                for (int jj = 0; jj < w; jj++) f[c + jj * yS1] = accF_$private$256[r * 64 + jj];
            }
        }
    }

    void matmulStripD() {
        int g = getGlobalId();
        int colBlocks = (nc + 63) / 64;
        int i0 = (g / colBlocks) * 4;
        int j0 = (g % colBlocks) * 64;
        if (i0 < mr) {
            int w = min(64, nc - j0);
            int rows = min(4, mr - i0);
            for (int q = 0; q < 256; q++) accD_$private$256[q] = 0.0;
            for (int l = 0; l < kk; l++) {
                int a = aBase + i0 * aS0 + l * aS1;
                int b = bBase + l * bS0 + j0;
                double a0 = d[a];
                double a1 = rows > 1 ? d[a + aS0] : 0.0;
                double a2 = rows > 2 ? d[a + 2 * aS0] : 0.0;
                double a3 = rows > 3 ? d[a + 3 * aS0] : 0.0;
                for (int jj = 0; jj < w; jj++) {
                    double bv = d[b + jj];
                    accD_$private$256[jj] += a0 * bv;
                    accD_$private$256[64 + jj] += a1 * bv;
                    accD_$private$256[128 + jj] += a2 * bv;
                    accD_$private$256[192 + jj] += a3 * bv;
                }
            }
            for (int r = 0; r < rows; r++) {
                int c = yBase + (i0 + r) * yS0 + j0 * yS1;
                for (int jj = 0; jj < w; jj++) d[c + jj * yS1] = accD_$private$256[r * 64 + jj];
            }
        }
    }

    void matmulTiledF() {
        int tx = getLocalId(0);
        int ty = getLocalId(1);
        int j = getGlobalId(0);
        int i = getGlobalId(1);
        float s = 0f;
        for (int t = 0; t < kk; t += 16) {
            tileAF[ty * 16 + tx] = i < mr && t + tx < kk ? f[aBase + i * aS0 + (t + tx) * aS1] : 0f;
            tileBF[ty * 16 + tx] = j < nc && t + ty < kk ? f[bBase + (t + ty) * bS0 + j * bS1] : 0f;
            localBarrier();
            for (int l = 0; l < 16; l++) s += tileAF[ty * 16 + l] * tileBF[l * 16 + tx];
            localBarrier();
        }
        if (i < mr && j < nc) f[yBase + i * yS0 + j * yS1] = s;
    }

    void matmulTiledD() {
        int tx = getLocalId(0);
        int ty = getLocalId(1);
        int j = getGlobalId(0);
        int i = getGlobalId(1);
        double s = 0.0;
        for (int t = 0; t < kk; t += 16) {
            tileAD[ty * 16 + tx] = i < mr && t + tx < kk ? d[aBase + i * aS0 + (t + tx) * aS1] : 0.0;
            tileBD[ty * 16 + tx] = j < nc && t + ty < kk ? d[bBase + (t + ty) * bS0 + j * bS1] : 0.0;
            localBarrier();
            for (int l = 0; l < 16; l++) s += tileAD[ty * 16 + l] * tileBD[l * 16 + tx];
            localBarrier();
        }
        if (i < mr && j < nc) d[yBase + i * yS0 + j * yS1] = s;
    }
}
