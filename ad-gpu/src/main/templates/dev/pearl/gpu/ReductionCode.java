package dev.pearl.gpu;

import dev.pearl.gpu.ElementFn.Reduce;

/* Written at build time from the template ad-gpu/src/main/templates/dev/pearl/gpu/ReductionCode.java, once per
 * element type: edit the template (its tokens are explained in ElementwiseCode.java there). */

/**
 * Sum and max along axes on the $type$ arena. Work-item g reduces chunk {@code g % splits} of
 * output {@code g / splits}: the kept axes are the iteration shape (strides aS*), the reduced
 * elements a two-axis index space (sizes rLen / rD2 and rD2, strides rT1 and rT2) walked without
 * division. With more than one split, a second launch reduces the partial results (see Reductions).
 *
 * <p>Sums are compensated (Kahan), so float32 sums of long rows stay close to the CPU backend's
 * double accumulation; the compensation is dropped once the sum is infinite or NaN, which then
 * propagates as in a plain sum. Max propagates NaN.
 */
abstract class $Type$ReductionCode extends $Type$IndexCode {
    private static final $type$ ZERO = 0;

    void reduce$T$() {
        int g = getGlobalId();
        if (g < n) {
            int o = g / splits;
            int start = (g - o * splits) * chunk;
            int end = min(start + chunk, rLen);
            int base = offsetOf(o, aBase, aS0, aS1, aS2, aS3);
            int r1 = start / rD2;
            int r2 = start - r1 * rD2;
            $type$ acc = fn == Reduce.SUM ? ZERO : arena$T$[base + r1 * rT1 + r2 * rT2];
            $type$ comp = ZERO;
            for (int r = start; r < end; r++) {
                $type$ v = arena$T$[base + r1 * rT1 + r2 * rT2];
                if (fn == Reduce.SUM) {
                    $type$ yv = v - comp;
                    $type$ t = acc + yv;
                    comp = t - t == ZERO ? (t - acc) - yv : ZERO;
                    acc = t;
                } else if (v > acc || v != v) {
                    acc = v;
                }
                r2++;
                if (r2 == rD2) {
                    r2 = 0;
                    r1++;
                }
            }
            arena$T$[yBase + g] = acc;
        }
    }
}
