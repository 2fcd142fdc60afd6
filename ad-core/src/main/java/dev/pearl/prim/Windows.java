package dev.pearl.prim;

import dev.pearl.tensor.ConvSpec;
import dev.pearl.tensor.Index;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The index tables that turn sliding windows into one {@link Gather}: for a [channels, height,
 * width] input flattened to one axis, entry (p, c, i, j) of the table is the position read by
 * tap (i, j) of channel c in the window at output position p, or -1 where the tap falls into the
 * zero padding. Rows are output positions and columns (channel, tap row, tap column), the order
 * of a weight tensor [out, channels, kh, kw] flattened to [out, channels·kh·kw].
 *
 * <p>{@link #tapMajor} is the same table transposed, rows taps and columns positions: gathered
 * along the leading axis of an input laid out [channels·height·width, batch], it yields the
 * windows as [taps, positions, batch], whose rows a matmul reads contiguously.
 *
 * <p>Tables depend only on the geometry, not on the batch, so each is built once and kept (the
 * most recent {@link #KEPT} tables); a device backend then uploads it once.
 */
final class Windows {
    static final int KEPT = 64;

    /** One window geometry: input extent, kernel extent and how the kernel moves. */
    record Geometry(int channels, int height, int width, int kernelH, int kernelW, ConvSpec spec) {
        int outH() {
            return spec.outputHeight(height, kernelH);
        }

        int outW() {
            return spec.outputWidth(width, kernelW);
        }

        /** Taps per window: channels · kernelH · kernelW. */
        int taps() {
            return channels * kernelH * kernelW;
        }
    }

    /** A table: its geometry and whether it is tap-major. */
    private record Key(Geometry geometry, boolean tapMajor) {
    }

    private static final Map<Key, Index> TABLES = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Index> eldest) {
            return size() > KEPT;
        }
    };

    private Windows() {
    }

    /** The table of {@code g}, [outH·outW·taps] values, built on first use. */
    static Index table(Geometry g) {
        return cached(new Key(g, false));
    }

    /** The table of {@code g} transposed: [taps·outH·outW] values, entry (tap, p) = entry (p, tap) of {@link #table}. */
    static Index tapMajor(Geometry g) {
        return cached(new Key(g, true));
    }

    private static Index cached(Key key) {
        synchronized (TABLES) {
            Index found = TABLES.get(key);
            if (found != null) return found;
        }
        Index built = key.tapMajor() ? transpose(table(key.geometry()), key.geometry().taps()) : build(key.geometry());
        synchronized (TABLES) {
            return TABLES.computeIfAbsent(key, k -> built);
        }
    }

    private static Index transpose(Index positionMajor, int taps) {
        int positions = positionMajor.size() / taps;
        int[] t = new int[positionMajor.size()];
        for (int p = 0; p < positions; p++)
            for (int tap = 0; tap < taps; tap++) t[tap * positions + p] = positionMajor.get(p * taps + tap);
        return Index.of(t);
    }

    private static Index build(Geometry g) {
        ConvSpec s = g.spec();
        int outH = g.outH(), outW = g.outW(), taps = g.taps(), plane = g.height() * g.width();
        int[] t = new int[outH * outW * taps];
        int at = 0;
        for (int oh = 0; oh < outH; oh++) {
            for (int ow = 0; ow < outW; ow++) {
                for (int c = 0; c < g.channels(); c++) {
                    for (int i = 0; i < g.kernelH(); i++) {
                        int ih = oh * s.strideH() - s.padH() + i * s.dilationH();
                        for (int j = 0; j < g.kernelW(); j++) {
                            int iw = ow * s.strideW() - s.padW() + j * s.dilationW();
                            boolean inside = ih >= 0 && ih < g.height() && iw >= 0 && iw < g.width();
                            t[at++] = inside ? c * plane + ih * g.width() + iw : -1;
                        }
                    }
                }
            }
        }
        return Index.of(t);
    }
}
