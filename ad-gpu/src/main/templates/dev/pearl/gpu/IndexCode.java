package dev.pearl.gpu;

/* Written at build time from the template ad-gpu/src/main/templates/dev/pearl/gpu/IndexCode.java, once per
 * element type: edit the template (its tokens are explained in ElementwiseCode.java there). */

/**
 * Gather by an index table and scatter-add on the $type$ arena, on tensors viewed as
 * [outer, positions, inner] (see {@code Backend.gather}). The tables live in {@code ix}
 * ({@link IndexTables}). A scatter-add reads the index's inverse (starts and sources) so that each
 * work-item sums its own output elements: no two work-items write one element, and the sum has a
 * fixed order.
 */
abstract class $Type$IndexCode extends $Type$ElementwiseCode {
    private static final $type$ ZERO = 0;

    /** The element ops, gathers and scatter-adds. */
    void indexedOrElements$T$() {
        if (op == Opcode.GATHER) gather$T$();
        else if (op == Opcode.SCATTER_ADD) scatterAdd$T$();
        else elements$T$();
    }

    /** y[o, m, k] = a[o, ix[ixBase + m], k], or 0 for entry -1; element i = (o·gCount + m)·gInner + k. */
    void gather$T$() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) {
                int r = i / gInner;
                int k = i - r * gInner;
                int o = r / gCount;
                int v = ix[ixBase + r - o * gCount];
                arena$T$[yBase + i] = v < 0 ? ZERO : arena$T$[aBase + (o * gSize + v) * gInner + k];
            }
        }
    }

    /**
     * y[o, s, k] = Σ a[o, m, k] over the sources m of position s, which are
     * ix[ixSources + q] for q in [ix[ixBase + s], ix[ixBase + s + 1]); element i = (o·gSize + s)·gInner + k.
     */
    void scatterAdd$T$() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) arena$T$[yBase + i] = sourcesSum$T$(i);
        }
    }

    $type$ sourcesSum$T$(int i) {
        int r = i / gInner;
        int k = i - r * gInner;
        int o = r / gSize;
        int s = r - o * gSize;
        int base = aBase + o * gCount * gInner + k;
        int end = ix[ixBase + s + 1];
        $type$ acc = ZERO;
        for (int q = ix[ixBase + s]; q < end; q++) acc += arena$T$[base + ix[ixSources + q] * gInner];
        return acc;
    }
}
