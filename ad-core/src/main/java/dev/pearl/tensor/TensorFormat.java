package dev.pearl.tensor;

/** Readable text for tensors: all values when small, a summary otherwise. */
final class TensorFormat {
    private static final int MAX_SHOWN = 64;

    private TensorFormat() {
    }

    static String format(Tensor t) {
        String head = "Tensor" + t.shape() + " " + t.dtype();
        if (!(t instanceof DenseTensor)) head = t.getClass().getSimpleName() + t.shape() + " " + t.dtype();
        if (t.size() > MAX_SHOWN) return head + " (" + t.size() + " values)";
        double[] v;
        try {
            v = t.toDoubleArray();
        } catch (RuntimeException e) {
            return head;
        }
        StringBuilder sb = new StringBuilder(head).append(' ');
        append(sb, v, t.shape().dims(), 0, 0, t.dtype());
        return sb.toString();
    }

    private static int append(StringBuilder sb, double[] v, int[] dims, int axis, int pos, DType dtype) {
        if (axis == dims.length) {
            sb.append(dtype == DType.FLOAT32 ? Float.toString((float) v[pos]) : Double.toString(v[pos]));
            return pos + 1;
        }
        sb.append('[');
        for (int i = 0; i < dims[axis]; i++) {
            if (i > 0) sb.append(", ");
            pos = append(sb, v, dims, axis + 1, pos, dtype);
        }
        sb.append(']');
        return pos;
    }
}
