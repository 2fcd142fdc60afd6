package dev.pearl.gpu;

import com.aparapi.Kernel;
import dev.pearl.tensor.DType;

/**
 * The data of the device program: the arenas holding every tensor, the staging arrays that carry
 * uploads and downloads, and the scalar arguments of one launch. Aparapi gives each array field
 * one device buffer per kernel instance, so one instance holds all tensors of a device and every
 * op reads and writes them in place. Scalars travel as kernel arguments on each launch.
 *
 * <p>Fields that exist once per element type end in F (float32) or D (float64), the suffix the
 * generated op classes use (see {@link DeviceKernel}). The subclasses add the op code; only code
 * reachable from {@code run()} is translated to OpenCL, so the host-side accessors at the end
 * never reach the device.
 */
abstract class KernelState extends Kernel {
    /** Tensor elements by dtype; slot 0 holds the canary (see {@link Arena}). */
    float[] arenaF = new float[1];
    double[] arenaD = new double[1];

    /** Staging tiers (small, medium, large): an explicit put/get moves a whole array. */
    float[] stageF0 = new float[Staging.SMALL], stageF1 = new float[Staging.MEDIUM], stageF2 = new float[Staging.LARGE];
    double[] stageD0 = new double[Staging.SMALL], stageD1 = new double[Staging.MEDIUM], stageD2 = new double[Staging.LARGE];

    /** Index tables for gathers and scatter-adds, written on the host only (see {@link IndexTables}). */
    int[] ix = new int[1];

    /** Which op ({@link Opcode}), which function ({@link ElementFn}), float64 (1) or float32 (0), work-items with work. */
    int op, fn, wide, n;

    /**
     * Element ops: elements per work-item, and element index = work-item * itemStride + j *
     * loopStride for j below perItem: contiguous runs on CPU devices (itemStride = perItem,
     * loopStride = 1), a grid stride on GPUs, whose neighbouring work-items then touch
     * neighbouring elements (itemStride = 1, loopStride = work-items).
     */
    int perItem, itemStride, loopStride;

    /** Iteration shape for strided operands: rank 1..4 and the sizes of its last three axes. */
    int rank, s1, s2, s3;

    /** Base offset and strides (per iteration axis) of the output and of up to three inputs; set through {@link Operand}. */
    int yBase, yS0, yS1, yS2, yS3;
    int aBase, aS0, aS1, aS2, aS3;
    int bBase, bS0, bS1, bS2, bS3;
    int cBase, cS0, cS1, cS2, cS3;

    /** Scalar parameter: fill value, exponent, factor, addend or canary, in each element type. */
    float paramF;
    double paramD;

    /** Staging tier of a STAGE_IN/STAGE_OUT launch. */
    int tier;

    /** Reductions: chunks per output, elements per chunk, reduced elements per output, and the reduced index space as two axes. */
    int splits, chunk, rLen, rD2, rT1, rT2;

    /**
     * Gather and scatter-add on [outer, positions, inner] views: the index's length, the size of
     * the indexed axis, the inner block length, and where the index (a gather's) or the inverse's
     * starts and sources (a scatter-add's) begin in ix.
     */
    int gCount, gSize, gInner, ixBase, ixSources;

    /** Matmul: rows and columns of the output and the inner dimension. */
    int mr, nc, kk;

    /** Element offset of iteration index g in an operand with the given base and strides. */
    int offsetOf(int g, int base, int t0, int t1, int t2, int t3) {
        int at = base + g * t3;
        if (rank > 1) {
            int i3 = g % s3;
            int r = g / s3;
            at = base + i3 * t3 + r * t2;
            if (rank > 2) {
                int i2 = r % s2;
                int q = r / s2;
                at = base + i3 * t3 + i2 * t2 + q * t1;
                if (rank > 3) {
                    int i1 = q % s1;
                    int i0 = q / s1;
                    at = base + i3 * t3 + i2 * t2 + i1 * t1 + i0 * t0;
                }
            }
        }
        return at;
    }

    /**
     * Element {@code j} of this work-item's share (see {@link #perItem}). Each element op loops
     * over its share itself: PoCL runs such a loop several times faster than one that calls a
     * dispatcher per element. (Each loop sits in its own method: Aparapi can leave the variables
     * of sibling loops in one method undeclared.)
     */
    int element(int j) {
        return getGlobalId() * itemStride + j * loopStride;
    }

    // ---- host side: the arrays of a dtype, and the selection of a launch ----

    /** The arena of {@code dtype}: a float[] or a double[]. */
    Object arena(DType dtype) {
        return dtype == DType.FLOAT32 ? arenaF : arenaD;
    }

    /** Replaces the arena of {@code dtype}; Aparapi creates a new buffer from it at the next launch. */
    void replaceArena(DType dtype, Object array) {
        if (dtype == DType.FLOAT32) arenaF = (float[]) array;
        else arenaD = (double[]) array;
    }

    /** Staging array {@code tier} (0 small, 1 medium, 2 large) of {@code dtype}. */
    Object stage(DType dtype, int tier) {
        if (dtype == DType.FLOAT32) return tier == 0 ? stageF0 : tier == 1 ? stageF1 : stageF2;
        return tier == 0 ? stageD0 : tier == 1 ? stageD1 : stageD2;
    }

    /** Uploads a whole float[] or double[] field (Aparapi's put is overloaded by array type). */
    void putArray(Object array) {
        if (array instanceof float[] floats) put(floats);
        else put((double[]) array);
    }

    /** Downloads a whole float[] or double[] field. */
    void getArray(Object array) {
        if (array instanceof float[] floats) get(floats);
        else get((double[]) array);
    }

    /** Selects the op of the next launch and the arena it works on. */
    void select(int opcode, int function, DType dtype) {
        op = opcode;
        fn = function;
        wide = dtype == DType.FLOAT64 ? 1 : 0;
    }

    /** The scalar parameter of the next launch, in both element types. */
    void param(double value) {
        paramF = (float) value;
        paramD = value;
    }
}
