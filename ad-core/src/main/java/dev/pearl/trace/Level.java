package dev.pearl.trace;

import dev.pearl.tensor.Tensor;

/**
 * One open transform (a jvp, a reverse-mode trace, a linearization). Levels nest: a level opened
 * inside another has a greater depth, and a primitive is processed by the deepest level among its
 * inputs, whose rules compute with values of lower levels. This ordering is what keeps
 * perturbations of nested derivatives apart.
 */
public abstract class Level {
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    final int depth;
    private boolean open = true;

    /** Opens a level one deeper than the innermost level open on this thread. */
    protected Level() {
        int[] d = DEPTH.get();
        this.depth = ++d[0];
    }

    /** Ends this level; must be called in the reverse order of opening (try/finally). */
    public void close() {
        if (!open) return;
        open = false;
        DEPTH.get()[0]--;
    }

    boolean isOpen() {
        return open;
    }

    abstract Tensor process(Primitive p, Tensor[] in);

    static Level higher(Level a, Level b) {
        if (a == null || a == b) return checkOpen(b);
        if (a.depth == b.depth)
            throw new IllegalStateException("values of two different transforms at the same depth were combined: a tracer escaped the transform that made it");
        return checkOpen(a.depth > b.depth ? a : b);
    }

    private static Level checkOpen(Level l) {
        if (!l.open)
            throw new IllegalStateException("a tracer was used after its transform finished (was a value inside grad/jvp stored and reused outside?)");
        return l;
    }
}
