package dev.pearl.gpu;

import dev.pearl.tensor.Shape;

import java.util.Arrays;

/**
 * An iteration shape and, per operand, the element stride of each iteration axis (0 where an
 * operand is broadcast). Neighbouring axes merge where every operand is contiguous across them,
 * so most elementwise ops reach the device as rank 1 (no index division) or rank 2 (a row or
 * column broadcast); size-1 axes drop out. The result has rank 1..4, the device program's limit.
 */
final class StridedLayout {
    private static final int RANK = 4;
    final int rank;
    /** Sizes of the four device axes, outermost first (leading 1s below {@link #rank}). */
    private final int[] sizes;
    /** Per operand: four strides matching {@link #sizes}. */
    private final int[][] strides;

    private StridedLayout(int rank, int[] sizes, int[][] strides) {
        this.rank = rank;
        this.sizes = sizes;
        this.strides = strides;
    }

    /** Row-major strides of a contiguous tensor of {@code shape}. */
    static int[] contiguous(Shape shape) {
        return shape.strides();
    }

    /** Strides reading a contiguous tensor of shape {@code in} broadcast to {@code out} (NumPy alignment). */
    static int[] broadcast(Shape in, Shape out) {
        int r = out.rank(), off = r - in.rank();
        int[] st = new int[r];
        int[] inStrides = in.strides();
        for (int i = 0; i < in.rank(); i++) st[i + off] = in.dim(i) == 1 ? 0 : inStrides[i];
        return st;
    }

    /** A layout over {@code dims} for operands with the given strides (each of length dims.length). */
    static StridedLayout of(int[] dims, int[]... operandStrides) {
        int k = operandStrides.length;
        int[] mergedSize = new int[RANK];
        int[][] merged = new int[k][RANK];
        int m = 0;
        for (int i = dims.length - 1; i >= 0; i--) {
            int d = dims[i];
            if (d == 1) continue;
            if (m > 0 && contiguousAcross(operandStrides, merged, m - 1, mergedSize[m - 1], i)) {
                mergedSize[m - 1] *= d;
                continue;
            }
            if (m == RANK) throw new IllegalArgumentException("opencl: more than " + RANK + " axes after merging: " + Arrays.toString(dims));
            mergedSize[m] = d;
            for (int j = 0; j < k; j++) merged[j][m] = operandStrides[j][i];
            m++;
        }
        // merged* are innermost first; the device wants outermost first, padded to four axes.
        int rank = Math.max(m, 1);
        int[] sizes = new int[RANK];
        Arrays.fill(sizes, 1);
        int[][] strides = new int[k][RANK];
        for (int a = 0; a < m; a++) {
            sizes[RANK - 1 - a] = mergedSize[a];
            for (int j = 0; j < k; j++) strides[j][RANK - 1 - a] = merged[j][a];
        }
        return new StridedLayout(rank, sizes, strides);
    }

    private static boolean contiguousAcross(int[][] operandStrides, int[][] merged, int at, int innerSize, int axis) {
        for (int j = 0; j < operandStrides.length; j++)
            if (operandStrides[j][axis] != merged[j][at] * innerSize) return false;
        return true;
    }

    /** Sets the iteration shape of the next launch. */
    void applyShape(DeviceKernel k) {
        k.rank = rank;
        k.s1 = sizes[1];
        k.s2 = sizes[2];
        k.s3 = sizes[3];
    }

    void bindY(DeviceKernel k, int base, int operand) {
        int[] t = strides[operand];
        k.yBase = base;
        k.yS0 = t[0];
        k.yS1 = t[1];
        k.yS2 = t[2];
        k.yS3 = t[3];
    }

    void bindA(DeviceKernel k, int base, int operand) {
        int[] t = strides[operand];
        k.aBase = base;
        k.aS0 = t[0];
        k.aS1 = t[1];
        k.aS2 = t[2];
        k.aS3 = t[3];
    }

    void bindB(DeviceKernel k, int base, int operand) {
        int[] t = strides[operand];
        k.bBase = base;
        k.bS0 = t[0];
        k.bS1 = t[1];
        k.bS2 = t[2];
        k.bS3 = t[3];
    }

    void bindC(DeviceKernel k, int base, int operand) {
        int[] t = strides[operand];
        k.cBase = base;
        k.cS0 = t[0];
        k.cS1 = t[1];
        k.cS2 = t[2];
        k.cS3 = t[3];
    }
}
