package dev.pearl.tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The index tables that turn sliding windows into one gather: for a [channels, height,
 * width] input flattened to one axis, entry (c, i, j, p) of the table is the position read by tap
 * (i, j) of channel c in the window at output position p, or -1 where the tap falls into the zero
 * padding. Rows are taps (channel, tap row, tap column), the order of a weight tensor [out,
 * channels, kh, kw] flattened to [out, channels·kh·kw], and columns output positions: gathered
 * along the leading axis of an input laid out [channels·height·width, batch], the table yields the
 * windows as [taps, positions, batch], whose rows a matmul reads contiguously.
 *
 * <p>Tables depend only on the geometry, not on the batch, so each is built once and kept (the
 * most recent {@link #KEPT} geometries); a device backend then uploads it once.
 */
public final class Windows {
    /** Geometries whose tables are kept. */
    public static final int KEPT = 64;
    /** Axis orders between [batch, C, H, W] and the cases-last [C, H, W, batch] the tables serve. */
    public static final int[] CASES_LAST = {1, 2, 3, 0}, CASES_FIRST = {3, 0, 1, 2};

    /**
     * One window geometry: input extent, kernel extent and how the kernel moves.
     *
     * @param channels input channels
     * @param height input height
     * @param width input width
     * @param kernelH window height
     * @param kernelW window width
     * @param spec strides, paddings and dilations
     */
    public record Geometry(int channels, int height, int width, int kernelH, int kernelW, ConvSpec spec) {
        /**
         * The output height.
         *
         * @return output height
         */
        public int outH() {
            return spec.outputHeight(height, kernelH);
        }

        /**
         * The output width.
         *
         * @return output width
         */
        public int outW() {
            return spec.outputWidth(width, kernelW);
        }

        /**
         * Taps per window.
         *
         * @return channels · kernelH · kernelW
         */
        public int taps() {
            return channels * kernelH * kernelW;
        }
    }

    private static final Map<Geometry, Index> TABLES = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Geometry, Index> eldest) {
            return size() > KEPT;
        }
    };

    private Windows() {
    }

    /**
     * The table of {@code g}, [taps·outH·outW] values, built on first use.
     *
     * @param g the geometry
     * @return its index table, shared by every caller
     */
    public static Index tapMajor(Geometry g) {
        synchronized (TABLES) {
            return TABLES.computeIfAbsent(g, Windows::build);
        }
    }

    private static Index build(Geometry g) {
        ConvSpec s = g.spec();
        int outH = g.outH(), outW = g.outW(), positions = outH * outW, plane = g.height() * g.width();
        int[] t = new int[g.taps() * positions];
        int tap = 0;
        for (int c = 0; c < g.channels(); c++) {
            for (int i = 0; i < g.kernelH(); i++) {
                for (int j = 0; j < g.kernelW(); j++, tap++) {
                    for (int oh = 0; oh < outH; oh++) {
                        int ih = oh * s.strideH() - s.padH() + i * s.dilationH();
                        for (int ow = 0; ow < outW; ow++) {
                            int iw = ow * s.strideW() - s.padW() + j * s.dilationW();
                            boolean inside = ih >= 0 && ih < g.height() && iw >= 0 && iw < g.width();
                            t[tap * positions + oh * outW + ow] = inside ? c * plane + ih * g.width() + iw : -1;
                        }
                    }
                }
            }
        }
        return Index.of(t);
    }
}
