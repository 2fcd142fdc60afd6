package dev.pearl.trace;

import dev.pearl.tensor.Tensor;

/** Forward mode: every value carries a tangent (null = zero) pushed through the JVP rules. */
final class JvpLevel extends Level {

    static final class Dual extends Tracer {
        final JvpLevel level;
        final Tensor primal;
        final Tensor tangent;

        Dual(JvpLevel level, Tensor primal, Tensor tangent) {
            this.level = level;
            this.primal = primal;
            this.tangent = tangent;
        }

        @Override
        Level level() {
            return level;
        }

        @Override
        Tensor primal() {
            return primal;
        }
    }

    Tensor dual(Tensor primal, Tensor tangent) {
        return new Dual(this, primal, tangent);
    }

    /** The primal of x at this level (x itself when x does not belong here). */
    Tensor primalOf(Tensor x) {
        return x instanceof Dual && ((Dual) x).level == this ? ((Dual) x).primal : x;
    }

    /** The tangent of x at this level, null when zero. */
    Tensor tangentOf(Tensor x) {
        return x instanceof Dual && ((Dual) x).level == this ? ((Dual) x).tangent : null;
    }

    @Override
    Tensor process(Primitive p, Tensor[] in) {
        Tensor[] primals = new Tensor[in.length];
        Tensor[] tangents = new Tensor[in.length];
        boolean any = false;
        for (int i = 0; i < in.length; i++) {
            primals[i] = primalOf(in[i]);
            tangents[i] = tangentOf(in[i]);
            any |= tangents[i] != null;
        }
        Tensor out = p.bind(primals);
        if (!any) return out;
        Tensor t = p.jvp(primals, tangents, out);
        if (t == null) return out;
        if (!t.shape().equals(out.shape()))
            throw new IllegalStateException(p.name() + ": JVP rule gave tangent shape " + t.shape() + " for output " + out.shape());
        return new Dual(this, out, t);
    }
}
