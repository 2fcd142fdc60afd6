package dev.pearl.gpu;

/**
 * Gather by an index table and scatter-add, on tensors viewed as [outer, positions, inner]
 * (see {@code Backend.gather}). The tables live in {@code ix} ({@link IndexTables}). A
 * scatter-add reads the index's inverse (starts and sources) so that each work-item sums its own
 * output elements: no two work-items write one element, and the sum has a fixed order. One body
 * per element type, as in {@link ElementwiseCode}.
 */
abstract class IndexCode extends ElementwiseCode {

    /** y[o, m, k] = a[o, ix[ixBase + m], k], or 0 for entry -1; element i = (o·gCount + m)·gInner + k. */
    void gatherF() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) {
                int r = i / gInner;
                int k = i - r * gInner;
                int o = r / gCount;
                int v = ix[ixBase + r - o * gCount];
                f[yBase + i] = v < 0 ? 0f : f[aBase + (o * gSize + v) * gInner + k];
            }
        }
    }

    void gatherD() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) {
                int r = i / gInner;
                int k = i - r * gInner;
                int o = r / gCount;
                int v = ix[ixBase + r - o * gCount];
                d[yBase + i] = v < 0 ? 0.0 : d[aBase + (o * gSize + v) * gInner + k];
            }
        }
    }

    /**
     * y[o, s, k] = Σ a[o, m, k] over the sources m of position s, which are
     * ix[ixSources + q] for q in [ix[ixBase + s], ix[ixBase + s + 1]); element i = (o·gSize + s)·gInner + k.
     */
    void scatterAddF() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) f[yBase + i] = sourcesSumF(i);
        }
    }

    void scatterAddD() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) d[yBase + i] = sourcesSumD(i);
        }
    }

    float sourcesSumF(int i) {
        int r = i / gInner;
        int k = i - r * gInner;
        int o = r / gSize;
        int s = r - o * gSize;
        int base = aBase + o * gCount * gInner + k;
        int end = ix[ixBase + s + 1];
        float acc = 0f;
        for (int q = ix[ixBase + s]; q < end; q++) acc += f[base + ix[ixSources + q] * gInner];
        return acc;
    }

    double sourcesSumD(int i) {
        int r = i / gInner;
        int k = i - r * gInner;
        int o = r / gSize;
        int s = r - o * gSize;
        int base = aBase + o * gCount * gInner + k;
        int end = ix[ixBase + s + 1];
        double acc = 0.0;
        for (int q = ix[ixBase + s]; q < end; q++) acc += d[base + ix[ixSources + q] * gInner];
        return acc;
    }

    /** The element ops, gathers and scatter-adds on the float32 arena. */
    void indexedOrElementsF() {
        if (op == Opcode.GATHER) gatherF();
        else if (op == Opcode.SCATTER_ADD) scatterAddF();
        else elementsF();
    }

    void indexedOrElementsD() {
        if (op == Opcode.GATHER) gatherD();
        else if (op == Opcode.SCATTER_ADD) scatterAddD();
        else elementsD();
    }
}
