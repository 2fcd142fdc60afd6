package dev.pearl.prim;

import dev.pearl.Ops;
import dev.pearl.Shape;
import dev.pearl.Tensor;

/** Small helpers shared by derivative rules. A null tensor stands for zero. */
final class Rules {
    private Rules() {
    }

    /** Sums g over the axes that broadcasting expanded, giving a tensor of shape s. */
    static Tensor sumTo(Tensor g, Shape s) {
        if (g == null || g.shape().equals(s)) return g;
        int lead = g.rank() - s.rank();
        int[] axes = new int[g.rank()];
        int n = 0;
        for (int i = 0; i < g.rank(); i++) {
            if (i < lead || s.dim(i - lead) == 1 && g.dim(i) != 1) axes[n++] = i;
        }
        Tensor r = n == 0 ? g : Ops.sum(g, java.util.Arrays.copyOf(axes, n));
        return Ops.reshape(r, s.dims());
    }

    /** t broadcast to shape s (t itself when it already has that shape). */
    static Tensor expand(Tensor t, Shape s) {
        return t == null || t.shape().equals(s) ? t : Ops.broadcastTo(t, s.dims());
    }

    static Tensor plus(Tensor a, Tensor b) {
        if (a == null) return b;
        if (b == null) return a;
        return Ops.add(a, b);
    }

    static Tensor[] one(Tensor t) {
        return new Tensor[]{t};
    }
}
