package dev.pearl.prim;

import dev.pearl.backend.BinaryOp;
import dev.pearl.backend.ReduceOp;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import dev.pearl.trace.Primitive;

/**
 * Σ softplus(z) − y·z over all elements of logits z and targets y of one shape: the cross-entropy
 * of logistic outputs σ(z) against targets in [0, 1], summed. As one primitive its forward pass
 * holds only one chunk of element-wise terms at a time, where softplus(z), y·z and their
 * difference as separate ops would hold three tensors of z's size at once; and its derivative
 * σ(z) − y is formed directly, not as the sum of two cotangents. At the end of a deep
 * auto-encoder's forward pass, with every activation alive, those three tensors are a gradient's
 * peak memory.
 */
public final class LogisticCrossEntropy extends Primitive {
    /** Elements per chunk of the forward pass: large enough to split over threads, small next to a batch. */
    static final int CHUNK = 1 << 16;
    private static final LogisticCrossEntropy INSTANCE = new LogisticCrossEntropy();

    private LogisticCrossEntropy() {
        super("logisticCrossEntropy");
    }

    /**
     * The summed cross-entropy of logistic outputs.
     *
     * @param logits z
     * @param targets y, shaped like z
     * @return Σ softplus(z) − y·z, a scalar
     */
    public static Tensor apply(Tensor logits, Tensor targets) {
        return INSTANCE.bind(logits, targets);
    }

    @Override
    public Shape outputShape(Tensor[] in) {
        if (!in[0].shape().equals(in[1].shape()))
            throw new IllegalArgumentException("logisticCrossEntropy: targets " + in[1].shape() + " must have the logits' shape " + in[0].shape());
        return Shape.of();
    }

    /**
     * The terms chunk by chunk, each chunk summed (and rounded to the dtype), the chunk sums added
     * in order: the same result on any thread count.
     */
    @Override
    protected DenseTensor forward(Backend backend, DenseTensor[] in, Shape out) {
        int n = in[0].size();
        Shape flat = Shape.of(n);
        DenseTensor z = in[0].withShape(flat), y = in[1].withShape(flat);
        DenseTensor total = backend.full(out, in[0].dtype(), 0);
        for (int start = 0; start < n; start += CHUNK) {
            int end = Math.min(n, start + CHUNK);
            Shape part = Shape.of(end - start);
            DenseTensor zc = end - start == n ? z : backend.slice(z, 0, start, end);
            DenseTensor yc = end - start == n ? y : backend.slice(y, 0, start, end);
            DenseTensor terms = backend.binary(BinaryOp.SUB, backend.unary(UnaryOp.SOFTPLUS, 0, zc), backend.binary(BinaryOp.MUL, yc, zc, part), part);
            total = backend.binary(BinaryOp.ADD, total, backend.reduce(ReduceOp.SUM, terms, new int[]{0}).withShape(out), out);
        }
        return total;
    }

    /** Σ (σ(z) − y)·ż − Σ z·ẏ. */
    @Override
    public Tensor jvp(Tensor[] primals, Tensor[] tangents, Tensor out) {
        Tensor z = primals[0], y = primals[1];
        Tensor dz = tangents[0] == null ? null : Rules.sum(Rules.mul(residual(z, y), tangents[0]), false);
        Tensor dy = tangents[1] == null ? null : Rules.neg(Rules.sum(Rules.mul(z, tangents[1]), false));
        return Rules.plus(dz, dy);
    }

    /** z gets ct·(σ(z) − y), y gets −ct·z. */
    @Override
    public Tensor[] vjp(Tensor[] primals, Tensor out, Tensor ct, boolean[] needs) {
        Tensor z = primals[0], y = primals[1];
        return new Tensor[]{
                needs[0] ? Rules.mul(residual(z, y), ct) : null,
                needs[1] ? Rules.mul(z, Rules.neg(ct)) : null};
    }

    @Override
    public boolean vjpReadsOutput() {
        return false;
    }

    private static Tensor residual(Tensor z, Tensor y) {
        return Rules.sub(Unary.apply(UnaryOp.SIGMOID, 0, z), y);
    }
}
