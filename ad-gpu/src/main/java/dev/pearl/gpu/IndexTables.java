package dev.pearl.gpu;

import dev.pearl.backend.ScatterPlan;
import dev.pearl.tensor.Index;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * The device copies of {@link Index} tables: ranges of the program's int array {@code ix}, keyed
 * by the index object's identity, so a table built once (a convolution's windows) is uploaded
 * once and one built per batch (token ids) once per batch. A scatter-add needs the index's
 * {@link ScatterPlan} (starts, then sources) instead of the index itself.
 *
 * <p>Unlike the arenas, {@code ix} is written only on the host: the host array is always the
 * authoritative copy, so Aparapi re-creating the buffer from it (after a move by the collector
 * or a new array) is harmless. When the array is full, the tables of indices still reachable are
 * copied into a new one (larger when needed) and the rest is dropped.
 *
 * <p>Not thread-safe: the backend calls it while holding its device lock.
 */
final class IndexTables {
    /** Initial capacity in ints (256 KiB). */
    private static final int INITIAL = 1 << 16;

    private final Launcher launcher;
    private final Map<Index, Integer> gathers = new WeakHashMap<>();
    private final Map<Index, Scatter> scatters = new WeakHashMap<>();
    private int used = 1; // slot 0 stays unused so that a zero offset never means a table

    /** Where a scatter plan of one size lies in ix: its starts, then its sources, {@code length} ints in all. */
    private record Scatter(int size, int starts, int length) {
        int sources() {
            return starts + size + 1;
        }
    }

    IndexTables(Launcher launcher) {
        this.launcher = launcher;
    }

    /** Offset in ix of the values of {@code index}. */
    int gather(Index index) {
        Integer at = gathers.get(index);
        if (at != null) return at;
        int offset = reserve(index.size());
        index.copyTo(launcher.kernel.ix, offset);
        upload();
        gathers.put(index, offset);
        return offset;
    }

    /** Offsets in ix of the starts (size + 1 values) and the sources of index's plan over {@code size} positions. */
    int[] scatter(Index index, int size) {
        Scatter s = scatters.get(index);
        if (s == null || s.size() != size) {
            ScatterPlan plan = index.scatterPlan(size);
            int length = size + 1 + plan.sourceCount();
            s = new Scatter(size, reserve(length), length);
            int[] ix = launcher.kernel.ix;
            plan.copyStarts(ix, s.starts());
            plan.copySources(ix, s.sources());
            upload();
            scatters.put(index, s);
        }
        return new int[]{s.starts(), s.sources()};
    }

    private void upload() {
        int[] ix = launcher.kernel.ix;
        launcher.kernel.put(ix);
        launcher.counter.upload(4L * ix.length);
    }

    /** A range of n ints at the end of ix, after compacting or growing it when they do not fit. */
    private int reserve(int n) {
        if ((long) used + n > launcher.kernel.ix.length) compact(n);
        int at = used;
        used += n;
        return at;
    }

    /** Copies the live tables into a fresh array with room for n more ints. */
    private void compact(int n) {
        int[] old = launcher.kernel.ix;
        // The map's own iterators: their entries are the map's (entrySet().toArray() would copy them),
        // and they skip the entries of indices the collector has cleared.
        long live = 1;
        for (Map.Entry<Index, Integer> e : gathers.entrySet()) live += e.getKey().size();
        for (Map.Entry<Index, Scatter> e : scatters.entrySet()) live += e.getValue().length();
        long capacity = Math.max(INITIAL, 2 * (live + n));
        if (capacity > Integer.MAX_VALUE - 16)
            throw new OpenClException("opencl: index tables need " + capacity + " ints, more than one device array holds");
        int[] fresh = new int[(int) capacity];
        int at = 1;
        for (Map.Entry<Index, Integer> e : gathers.entrySet()) {
            int len = e.getKey().size();
            System.arraycopy(old, e.getValue(), fresh, at, len);
            e.setValue(at);
            at += len;
        }
        for (Map.Entry<Index, Scatter> e : scatters.entrySet()) {
            Scatter sc = e.getValue();
            System.arraycopy(old, sc.starts(), fresh, at, sc.length());
            e.setValue(new Scatter(sc.size(), at, sc.length()));
            at += sc.length();
        }
        used = at;
        // The next launch creates the buffer from this host array (and the upload that follows repeats it).
        launcher.kernel.ix = fresh;
    }
}
