package dev.pearl.prim;

import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

import java.util.Arrays;

/** Primitives that move or convert elements: reshape, transpose, broadcastTo, slice, cast, stopGradient. */
public final class ShapeOps {
    private ShapeOps() {
    }

    public static Tensor reshape(Tensor x, Shape s) {
        return x.shape().equals(s) ? x : new Reshape(s).bind(x);
    }

    public static Tensor transpose(Tensor x, int[] perm) {
        return new Transpose(perm).bind(x);
    }

    public static Tensor broadcastTo(Tensor x, Shape s) {
        return x.shape().equals(s) ? x : new BroadcastTo(s).bind(x);
    }

    public static Tensor slice(Tensor x, int axis, int start, int end) {
        return new Slice(axis, start, end).bind(x);
    }

    public static Tensor cast(Tensor x, DType dtype) {
        return x.dtype() == dtype ? x : new Cast(dtype).bind(x);
    }

    public static Tensor stopGradient(Tensor x) {
        return StopGradient.INSTANCE.bind(x);
    }

    static final class Reshape extends Structural {
        private final Shape shape;

        Reshape(Shape shape) {
            super("reshape");
            this.shape = shape;
        }

        @Override
        public Shape outputShape(Tensor[] in) {
            if (in[0].size() != shape.size())
                throw new IllegalArgumentException("reshape: cannot view " + in[0].shape() + " (" + in[0].size() + " values) as " + shape + " (" + shape.size() + ")");
            return shape;
        }

        @Override
        protected DenseTensor forward(Backend backend, DenseTensor[] in, Shape out) {
            return in[0].withShape(shape);
        }

        @Override
        public Tensor jvp(Tensor[] x, Tensor[] t, Tensor out) {
            return reshape(t[0], shape);
        }

        @Override
        public Tensor[] vjp(Tensor[] x, Tensor out, Tensor ct, boolean[] needs) {
            return Rules.one(reshape(ct, x[0].shape()));
        }
    }

    static final class Transpose extends Structural {
        private final int[] perm;

        Transpose(int[] perm) {
            super("transpose");
            this.perm = perm.clone();
        }

        @Override
        public Shape outputShape(Tensor[] in) {
            Shape s = in[0].shape();
            int[] sorted = perm.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < sorted.length; i++)
                if (sorted.length != s.rank() || sorted[i] != i)
                    throw new IllegalArgumentException("transpose: " + Arrays.toString(perm) + " is not a permutation of the axes of " + s);
            int[] d = new int[perm.length];
            for (int i = 0; i < perm.length; i++) d[i] = s.dim(perm[i]);
            return Shape.of(d);
        }

        @Override
        protected DenseTensor forward(Backend backend, DenseTensor[] in, Shape out) {
            return backend.transpose(in[0], perm);
        }

        @Override
        public Tensor jvp(Tensor[] x, Tensor[] t, Tensor out) {
            return transpose(t[0], perm);
        }

        @Override
        public Tensor[] vjp(Tensor[] x, Tensor out, Tensor ct, boolean[] needs) {
            int[] inv = new int[perm.length];
            for (int i = 0; i < perm.length; i++) inv[perm[i]] = i;
            return Rules.one(transpose(ct, inv));
        }
    }

    static final class BroadcastTo extends Structural {
        private final Shape shape;

        BroadcastTo(Shape shape) {
            super("broadcastTo");
            this.shape = shape;
        }

        @Override
        public Shape outputShape(Tensor[] in) {
            if (!in[0].shape().broadcastsTo(shape))
                throw new IllegalArgumentException("broadcastTo: cannot broadcast " + in[0].shape() + " to " + shape);
            return shape;
        }

        @Override
        protected DenseTensor forward(Backend backend, DenseTensor[] in, Shape out) {
            return backend.broadcastTo(in[0], shape);
        }

        @Override
        public Tensor jvp(Tensor[] x, Tensor[] t, Tensor out) {
            return broadcastTo(t[0], shape);
        }

        @Override
        public Tensor[] vjp(Tensor[] x, Tensor out, Tensor ct, boolean[] needs) {
            return Rules.one(Rules.sumTo(ct, x[0].shape()));
        }
    }

    /** Elements [start, end) along one axis; the VJP pads the cotangent back with zeros. */
    static final class Slice extends Structural {
        private final int axis, start, end;

        Slice(int axis, int start, int end) {
            super("slice");
            this.axis = axis;
            this.start = start;
            this.end = end;
        }

        @Override
        public Shape outputShape(Tensor[] in) {
            Shape s = in[0].shape();
            int a = s.normalizeAxis(axis);
            if (start < 0 || end > s.dim(a) || start > end)
                throw new IllegalArgumentException("slice: range [" + start + ", " + end + ") out of bounds for axis " + axis + " of " + s);
            return s.withDim(a, end - start);
        }

        @Override
        protected DenseTensor forward(Backend backend, DenseTensor[] in, Shape out) {
            return backend.slice(in[0], in[0].shape().normalizeAxis(axis), start, end);
        }

        @Override
        public Tensor jvp(Tensor[] x, Tensor[] t, Tensor out) {
            return slice(t[0], axis, start, end);
        }

        @Override
        public Tensor[] vjp(Tensor[] x, Tensor out, Tensor ct, boolean[] needs) {
            Shape s = x[0].shape();
            int a = s.normalizeAxis(axis);
            Tensor before = start > 0 ? Rules.zeros(s.withDim(a, start), ct) : null;
            Tensor after = end < s.dim(a) ? Rules.zeros(s.withDim(a, s.dim(a) - end), ct) : null;
            java.util.List<Tensor> parts = new java.util.ArrayList<>();
            if (before != null) parts.add(before);
            parts.add(ct);
            if (after != null) parts.add(after);
            return Rules.one(parts.size() == 1 ? ct : Concat.apply(parts, a));
        }
    }

    static final class Cast extends Structural {
        private final DType dtype;

        Cast(DType dtype) {
            super("cast");
            this.dtype = dtype;
        }

        @Override
        public Shape outputShape(Tensor[] in) {
            return in[0].shape();
        }

        @Override
        public DType outputDType(Tensor[] in) {
            return dtype;
        }

        @Override
        protected DenseTensor forward(Backend backend, DenseTensor[] in, Shape out) {
            return backend.cast(in[0], dtype);
        }

        @Override
        public Tensor jvp(Tensor[] x, Tensor[] t, Tensor out) {
            return cast(t[0], dtype);
        }

        @Override
        public Tensor[] vjp(Tensor[] x, Tensor out, Tensor ct, boolean[] needs) {
            return Rules.one(cast(ct, x[0].dtype()));
        }
    }

    /** Identity whose derivative is zero: for values that must be treated as constants. */
    static final class StopGradient extends Structural {
        static final StopGradient INSTANCE = new StopGradient();

        StopGradient() {
            super("stopGradient");
        }

        @Override
        public Shape outputShape(Tensor[] in) {
            return in[0].shape();
        }

        @Override
        protected DenseTensor forward(Backend backend, DenseTensor[] in, Shape out) {
            return in[0];
        }

        @Override
        public Tensor jvp(Tensor[] x, Tensor[] t, Tensor out) {
            return null;
        }

        @Override
        public Tensor[] vjp(Tensor[] x, Tensor out, Tensor ct, boolean[] needs) {
            return new Tensor[1];
        }
    }
}
