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

    /**
     * The plan of {@code index}, whose values lie in [-1, size) (-1 selects nothing).
     *
     * @param index the index table, one target position (or -1) per entry
     * @param size the number of positions
     * @return the inverse table
     */
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

    /**
     * Number of positions scattered into.
     *
     * @return the size the plan was made for
     */
    public int size() {
        return size;
    }

    /**
     * Where the sources of position s begin in {@link #source(int)}'s numbering; entry
     * {@code size} is their count.
     *
     * @param s a position in [0, size]
     * @return the index of s's first source
     */
    public int start(int s) {
        return starts[s];
    }

    /**
     * The j-th source in position order: the index entry it came from.
     *
     * @param j in [0, {@link #sourceCount()})
     * @return an index into the original index table
     */
    public int source(int j) {
        return sources[j];
    }

    /**
     * Total number of sources (index entries other than -1).
     *
     * @return the count
     */
    public int sourceCount() {
        return sources.length;
    }

    /**
     * Copies the starts (size + 1 values) into dst from offset on.
     *
     * @param dst the array to fill
     * @param offset where the first start goes
     */
    public void copyStarts(int[] dst, int offset) {
        System.arraycopy(starts, 0, dst, offset, starts.length);
    }

    /**
     * Copies the sources into dst from offset on.
     *
     * @param dst the array to fill
     * @param offset where the first source goes
     */
    public void copySources(int[] dst, int offset) {
        System.arraycopy(sources, 0, dst, offset, sources.length);
    }
}
