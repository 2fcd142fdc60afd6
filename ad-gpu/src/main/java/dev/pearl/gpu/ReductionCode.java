package dev.pearl.gpu;

/**
 * Sum and max along axes. Work-item g reduces chunk {@code g % splits} of output
 * {@code g / splits}: the kept axes are the iteration shape (strides aS*), the reduced elements a
 * two-axis index space (sizes rLen / rD2 and rD2, strides rT1 and rT2) walked without division.
 * With more than one split, a second launch reduces the partial results (see ReductionPlan).
 *
 * <p>Sums are compensated (Kahan), so float32 sums of long rows stay close to the CPU backend's
 * double accumulation; the compensation is dropped once the sum is infinite or NaN, which then
 * propagates as in a plain sum. Max propagates NaN.
 */
abstract class ReductionCode extends IndexCode {

    void reduceF() {
        int g = getGlobalId();
        if (g < n) {
            int o = g / splits;
            int start = (g - o * splits) * chunk;
            int end = min(start + chunk, rLen);
            int base = offsetOf(o, aBase, aS0, aS1, aS2, aS3);
            int r1 = start / rD2;
            int r2 = start - r1 * rD2;
            float acc = fn == ElementFn.SUM ? 0f : f[base + r1 * rT1 + r2 * rT2];
            float comp = 0f;
            for (int r = start; r < end; r++) {
                float v = f[base + r1 * rT1 + r2 * rT2];
                if (fn == ElementFn.SUM) {
                    float yv = v - comp;
                    float t = acc + yv;
                    comp = t - t == 0f ? (t - acc) - yv : 0f;
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
            f[yBase + g] = acc;
        }
    }

    void reduceD() {
        int g = getGlobalId();
        if (g < n) {
            int o = g / splits;
            int start = (g - o * splits) * chunk;
            int end = min(start + chunk, rLen);
            int base = offsetOf(o, aBase, aS0, aS1, aS2, aS3);
            int r1 = start / rD2;
            int r2 = start - r1 * rD2;
            double acc = fn == ElementFn.SUM ? 0.0 : d[base + r1 * rT1 + r2 * rT2];
            double comp = 0.0;
            for (int r = start; r < end; r++) {
                double v = d[base + r1 * rT1 + r2 * rT2];
                if (fn == ElementFn.SUM) {
                    double yv = v - comp;
                    double t = acc + yv;
                    comp = t - t == 0.0 ? (t - acc) - yv : 0.0;
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
            d[yBase + g] = acc;
        }
    }
}
