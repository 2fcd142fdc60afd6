package dev.pearl.gpu;

import com.aparapi.Kernel;

/**
 * The data of the device program: the arenas holding every tensor, the staging arrays that carry
 * uploads and downloads, and the scalar arguments of one launch. Aparapi gives each array field
 * one device buffer per kernel instance, so one instance holds all tensors of a device and every
 * op reads and writes them in place. Scalars travel as kernel arguments on each launch.
 *
 * <p>The subclasses add the op code, one concern per class; {@link DeviceKernel} dispatches.
 * Only code reachable from {@code run()} is translated to OpenCL.
 */
abstract class KernelState extends Kernel {
    /** Tensor elements by dtype; slot 0 holds the canary (see {@link Arena}). */
    float[] f = new float[1];
    double[] d = new double[1];

    /** Staging tiers (small, medium, large): an explicit put/get moves a whole array. */
    float[] f0 = new float[Staging.SMALL], f1 = new float[Staging.MEDIUM], f2 = new float[Staging.LARGE];
    double[] d0 = new double[Staging.SMALL], d1 = new double[Staging.MEDIUM], d2 = new double[Staging.LARGE];

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

    /** Base offset and strides (per iteration axis) of the output and of up to three inputs. */
    int yBase, yS0, yS1, yS2, yS3;
    int aBase, aS0, aS1, aS2, aS3;
    int bBase, bS0, bS1, bS2, bS3;
    int cBase, cS0, cS1, cS2, cS3;

    /** Scalar parameter: fill value, exponent, factor, addend or canary. */
    float pf;
    double pd;

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
}
