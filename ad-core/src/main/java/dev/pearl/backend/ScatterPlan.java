package dev.pearl.backend;

import java.util.Arrays;

/**
 * The inverse of an index table over {@code size} positions, in compressed rows: the entries
 * that select position s are {@code sources[starts[s]] .. sources[starts[s+1] - 1]}, in
 * increasing order. A scatter-add {@code y[s] = Σ_{m: index[m] = s} g[m]} then reads instead of
 * writing: each output sums its own sources, so threads and work-items never write the same
 * element and the sum has a fixed order (the same result on every run and backend thread count).
 */
public final class ScatterPlan {
    private final int size;
    private final int[] starts;
    private final int[] sources;

    private ScatterPlan(int size, int[] starts, int[] sources) {
        this.size = size;
        this.starts = starts;
        this.sources = sources;
    }

    /** The plan of {@code index}, whose values lie in [-1, size) (-1 selects nothing). */
    public static ScatterPlan of(int[] index, int size) {
        int[] starts = new int[size + 1];
        for (int v : index) if (v >= 0) starts[v + 1]++;
        for (int s = 0; s < size; s++) starts[s + 1] += starts[s];
        int[] sources = new int[starts[size]];
        int[] next = Arrays.copyOf(starts, size);
        for (int m = 0; m < index.length; m++) {
            int v = index[m];
            if (v >= 0) sources[next[v]++] = m;
        }
        return new ScatterPlan(size, starts, sources);
    }

    /** Number of positions scattered into. */
    public int size() {
        return size;
    }

    /** Where the sources of position s begin in {@link #sources}; entry {@code size} is their count. */
    public int start(int s) {
        return starts[s];
    }

    public int source(int j) {
        return sources[j];
    }

    /** Total number of sources (index entries other than -1). */
    public int sourceCount() {
        return sources.length;
    }

    /** Copies the starts (size + 1 values) into dst from offset on. */
    public void copyStarts(int[] dst, int offset) {
        System.arraycopy(starts, 0, dst, offset, starts.length);
    }

    /** Copies the sources into dst from offset on. */
    public void copySources(int[] dst, int offset) {
        System.arraycopy(sources, 0, dst, offset, sources.length);
    }
}
