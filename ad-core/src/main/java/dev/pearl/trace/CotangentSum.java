package dev.pearl.trace;

import dev.pearl.backend.BinaryOp;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

/**
 * The sum of two cotangents (or tangents) of one shape: the engine's own addition, so that the
 * sweeps accumulate without reaching up into the op library. It is a primitive like any other,
 * which keeps accumulation differentiable when a sweep runs inside an outer transform.
 */
final class CotangentSum extends Primitive {
    static final CotangentSum INSTANCE = new CotangentSum();

    private CotangentSum() {
        super("add");
    }

    /** a + b, where null stands for zero. */
    static Tensor plus(Tensor a, Tensor b) {
        if (a == null) return b;
        if (b == null) return a;
        return INSTANCE.bind(a, b);
    }

    @Override
    public Shape outputShape(Tensor[] in) {
        if (!in[0].shape().equals(in[1].shape()))
            throw new IllegalStateException("add: cotangents of one value have different shapes " + in[0].shape() + " and " + in[1].shape());
        return in[0].shape();
    }

    @Override
    protected DenseTensor forward(Backend backend, DenseTensor[] in, Shape out) {
        return backend.binary(BinaryOp.ADD, in[0], in[1], out);
    }

    @Override
    public Tensor jvp(Tensor[] primals, Tensor[] tangents, Tensor out) {
        return plus(tangents[0], tangents[1]);
    }

    @Override
    public Tensor[] vjp(Tensor[] primals, Tensor out, Tensor ct, boolean[] needs) {
        return new Tensor[]{needs[0] ? ct : null, needs[1] ? ct : null};
    }

    @Override
    public boolean vjpReadsInput(int i) {
        return false;
    }

    @Override
    public boolean vjpReadsOutput() {
        return false;
    }
}
