package dev.pearl.cpu.gemm;

/**
 * Block sizes of the packed driver, BLIS style: a kc-deep slice of op(A) and op(B) is packed per
 * pass; an mc x kc block of A stays in L2 while the micro-kernel sweeps it, and a kc x nc block
 * of B stays in this core's share of L3.
 */
final class Blocking {
    final int mc, kc, nc;

    Blocking(int mc, int kc, int nc) {
        if (mc < 1 || kc < 1 || nc < 1) throw new IllegalArgumentException("block sizes must be positive, got mc=" + mc + " kc=" + kc + " nc=" + nc);
        this.mc = mc;
        this.kc = kc;
        this.nc = nc;
    }

    /**
     * Sizes for a micro-kernel of mr x nr elements of the given bytes: kc so that one packed B
     * micro-panel (kc x nr) stays within L1d x B_PANEL_L1, mc so that the A block takes half of
     * L2, nc so that the B block takes half of the L3 share; mc and nc whole micro-panels.
     */
    static Blocking forKernel(CacheSizes caches, int elementBytes, int mr, int nr) {
        int kc = clamp((int) (caches.l1d * B_PANEL_L1 / ((long) nr * elementBytes)) / 16 * 16, 128, 512);
        int mc = Math.max(mr, (int) Math.min(4096, caches.l2 / 2 / ((long) kc * elementBytes)) / mr * mr);
        int nc = Math.max(nr, (int) Math.min(1 << 16, caches.l3PerCore / 2 / ((long) kc * elementBytes)) / nr * nr);
        return new Blocking(mc, kc, nc);
    }

    /** How much of L1d one packed B micro-panel may take (measured, docs/results/cpu-speed). */
    static final double B_PANEL_L1 = 2.25;

    private static int clamp(int x, int lo, int hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    /** Each size replaced by a positive system property pearl.gemm.mc / kc / nc when set. */
    Blocking overriddenBy(java.util.function.Function<String, String> properties) {
        return new Blocking(positive(properties, "pearl.gemm.mc", mc), positive(properties, "pearl.gemm.kc", kc),
                positive(properties, "pearl.gemm.nc", nc));
    }

    private static int positive(java.util.function.Function<String, String> properties, String key, int fallback) {
        String v = properties.apply(key);
        if (v == null) return fallback;
        try {
            int x = Integer.parseInt(v.trim());
            if (x > 0) return x;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a positive integer, got '" + v + "'");
    }

    @Override
    public String toString() {
        return "KC=" + kc + " MC=" + mc + " NC=" + nc;
    }
}
