package dev.pearl.gpu;

import dev.pearl.tensor.Shape;

import java.util.Arrays;

/**
 * Plans and launches reductions. The input's axes split into kept ones (the iteration shape of
 * the outputs) and reduced ones, whose runs of neighbouring axes merge into at most two
 * (rank <= 4 and a contiguous input). When there are too few outputs to occupy the device, each
 * output's elements are cut into chunks reduced in parallel into a temporary, and the partial
 * results are reduced again the same way until one value per output remains.
 */
final class Reductions {
    /** Fewest elements per chunk: below this a split costs more than it saves. */
    private static final int MIN_CHUNK = 32;

    private Reductions() {
    }

    /** out = reduce(fn) of x (shape {@code in}) over the flagged axes; out has the kept axes' elements in order. */
    static void reduce(Launcher launcher, Arena arena, int fn, DeviceStorage x, Shape in, boolean[] reduced, DeviceStorage out) {
        int r = in.rank();
        int[] strides = in.strides();
        int[] keptDims = new int[r], keptStrides = new int[r];
        int kept = 0;
        // Reduced runs, outermost first: sizes and innermost strides.
        int[] runSize = new int[r], runStride = new int[r];
        int runs = 0;
        for (int i = 0; i < r; i++) {
            int d = in.dim(i);
            if (d == 1) continue;
            if (!reduced[i]) {
                keptDims[kept] = d;
                keptStrides[kept++] = strides[i];
            } else if (runs > 0 && runStride[runs - 1] == strides[i] * d) {
                runSize[runs - 1] *= d;
                runStride[runs - 1] = strides[i];
            } else {
                runSize[runs] = d;
                runStride[runs++] = strides[i];
            }
        }
        if (runs > 2) throw new IllegalStateException("opencl: reduction over " + runs + " separate axis runs of " + in);
        StridedLayout outputs = StridedLayout.of(Arrays.copyOf(keptDims, kept), Arrays.copyOf(keptStrides, kept));
        int outCount = 1;
        for (int i = 0; i < kept; i++) outCount *= keptDims[i];
        int len = runs == 0 ? 1 : runs == 1 ? runSize[0] : runSize[0] * runSize[1];
        int inner = runs == 0 ? 1 : runSize[runs - 1];
        int innerStride = runs == 0 ? 0 : runStride[runs - 1];
        int outerStride = runs == 2 ? runStride[0] : 0;

        int source = x.offset, temp = -1, tempSize = 0;
        while (true) {
            int splits = splits(launcher, outCount, len);
            int chunk = (len + splits - 1) / splits;
            splits = (len + chunk - 1) / chunk;
            boolean last = splits == 1;
            int target = last ? out.offset : arena.allocateRaw(outCount * splits);
            DeviceKernel k = launcher.kernel;
            k.op = Opcode.REDUCE;
            k.fn = fn;
            k.wide = arena.dtype.bytes() == 8 ? 1 : 0;
            k.n = outCount * splits;
            outputs.applyShape(k);
            outputs.bindA(k, source, 0);
            k.yBase = target;
            k.splits = splits;
            k.chunk = chunk;
            k.rLen = len;
            k.rD2 = inner;
            k.rT1 = outerStride;
            k.rT2 = innerStride;
            launcher.run(outCount * splits);
            if (temp >= 0) arena.freeRaw(temp, tempSize);
            if (last) return;
            // Next pass: the partial results as [outCount, splits], reduced along the second axis.
            temp = target;
            tempSize = outCount * splits;
            source = target;
            outputs = StridedLayout.of(new int[]{outCount}, new int[]{splits});
            len = splits;
            inner = splits;
            innerStride = 1;
            outerStride = 0;
        }
    }

    /** Chunks per output: enough work-items to fill the device, never chunks below MIN_CHUNK. */
    private static int splits(Launcher launcher, int outCount, int len) {
        long wanted = 4L * 64 * Math.max(1, launcher.device.getMaxComputeUnits());
        if (outCount >= wanted || len < 2 * MIN_CHUNK) return 1;
        return (int) Math.max(1, Math.min((len + MIN_CHUNK - 1) / MIN_CHUNK, (wanted + outCount - 1) / outCount));
    }
}
