package dev.pearl.nn;

import dev.pearl.Ops;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

/** Softmax cross-entropy against class numbers; see {@link Losses#softmaxCrossEntropyWithLabels()}. */
final class LabelledSoftmax implements Loss {
    /** The row 0, 1, ..., C-1 last used, kept so that a device backend receives it once. */
    private volatile ClassNumbers classes;

    private record ClassNumbers(Backend backend, DType dtype, Tensor row) {
    }

    @Override
    public String name() {
        return "softmax cross-entropy with labels";
    }

    @Override
    public void checkShapes(Tensor z, Tensor labels) {
        if (z.rank() != 2 || labels.rank() != 1 || labels.dim(0) != z.dim(0))
            throw new IllegalArgumentException(name() + ": outputs must be [cases, classes] and labels [cases], got outputs " + z.shape() + " and labels " + labels.shape());
    }

    @Override
    public Tensor value(Tensor z, Tensor labels) {
        checkShapes(z, labels);
        int cases = z.dim(0);
        Tensor oneHot = Ops.eq(Ops.reshape(labels, cases, 1), classNumbers(z));
        long matched = Math.round(Ops.sum(oneHot).item());
        if (matched != cases)
            throw new IllegalArgumentException(name() + ": " + (cases - matched) + " of " + cases + " labels are not class numbers 0.." + (z.dim(1) - 1));
        Tensor perCase = Ops.sub(Ops.logSumExp(z, 1, false), Ops.sum(Ops.mul(oneHot, z), 1));
        return Ops.mul(Ops.sum(perCase), 1.0 / cases);
    }

    @Override
    public Tensor predict(Tensor z) {
        return Ops.softmax(z, z.rank() - 1);
    }

    @Override
    public Tensor hessianVector(Tensor z, Tensor labels, Tensor v) {
        return Losses.softmaxHessianVector(z, v);
    }

    /** [C] holding 0..C-1 on z's backend in z's dtype (a constant). */
    private Tensor classNumbers(Tensor z) {
        int c = z.dim(1);
        ClassNumbers k = classes;
        if (k == null || k.backend() != z.backend() || k.dtype() != z.dtype() || k.row().size() != c) {
            double[] row = new double[c];
            for (int i = 0; i < c; i++) row[i] = i;
            k = new ClassNumbers(z.backend(), z.dtype(), z.backend().fromArray(row, Shape.of(c), z.dtype()));
            classes = k;
        }
        return k.row();
    }
}
