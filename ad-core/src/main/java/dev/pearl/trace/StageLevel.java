package dev.pearl.trace;

import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Records, instead of computing, the operations applied to its symbolic values. Used under a
 * {@link JvpLevel} by linearize: the tangent inputs are symbolic, so the JVP rules' work on
 * primals runs once, while their (linear) work on tangents is recorded as a {@link LinearProgram}.
 */
final class StageLevel extends Level {

    /** A symbolic value: a variable of the program being recorded. */
    static final class Var extends ShapedValue {
        final StageLevel level;
        final int id;

        Var(StageLevel level, int id, Shape shape, DType dtype, Backend backend) {
            super(shape, dtype, backend);
            this.level = level;
            this.id = id;
        }

        @Override
        Level level() {
            return level;
        }

        @Override
        IllegalStateException noValue() {
            return new IllegalStateException("a tangent inside linearize is symbolic: it has no value to read");
        }
    }

    /** One recorded application: args are constants or Vars of this level. */
    static final class Eqn {
        final Primitive prim;
        final Tensor[] args;
        final Var out;

        Eqn(Primitive prim, Tensor[] args, Var out) {
            this.prim = prim;
            this.args = args;
            this.out = out;
        }
    }

    final List<Eqn> eqns = new ArrayList<>();
    private int nextId;

    Var newVar(Shape shape, DType dtype, Backend backend) {
        return new Var(this, nextId++, shape, dtype, backend);
    }

    int varCount() {
        return nextId;
    }

    @Override
    Tensor process(Primitive p, Tensor[] in) {
        Shape shape = p.outputShape(in);
        DType dtype = p.outputDType(in);
        Backend backend = null;
        for (Tensor t : in) if (t instanceof Var && ((Var) t).level == this) backend = t.backend();
        Var out = newVar(shape, dtype, backend);
        eqns.add(new Eqn(p, in.clone(), out));
        return out;
    }
}
