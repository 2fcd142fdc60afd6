package dev.pearl.check;

import dev.pearl.Params;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Values of a {@link Params} copied to Java arrays, with the float64 vector arithmetic the checks
 * need. Checks compute perturbations, differences and dot products here, in plain Java, so that
 * they do not rely on the tensor ops they are checking.
 */
final class HostParams {
    final List<String> names;
    final List<Shape> shapes;
    final double[][] values;

    private HostParams(List<String> names, List<Shape> shapes, double[][] values) {
        this.names = names;
        this.shapes = shapes;
        this.values = values;
    }

    static HostParams of(Params p) {
        List<Shape> shapes = new ArrayList<>();
        double[][] v = new double[p.size()][];
        for (int i = 0; i < p.size(); i++) {
            shapes.add(p.get(i).shape());
            v[i] = p.get(i).toDoubleArray();
        }
        return new HostParams(p.names(), shapes, v);
    }

    /** Throws when a tensor of p is not float64: finite differences in float32 are meaningless. */
    static void requireFloat64(Params p, String role) {
        for (int i = 0; i < p.size(); i++)
            if (p.get(i).dtype() != DType.FLOAT64)
                throw new IllegalArgumentException("derivative checks need float64 values, but " + role + " '" + p.name(i) + "' is "
                        + p.get(i).dtype() + " " + p.get(i).shape() + "; cast it with Ops.cast(t, DType.FLOAT64)");
    }

    /** These values as float64 tensors, each on the backend of the matching tensor of {@code like}. */
    Params toParams(Params like) {
        Params.Builder b = Params.builder();
        for (int i = 0; i < values.length; i++) {
            Tensor t = like.get(i);
            b.add(names.get(i), t.backend().fromArray(values[i], shapes.get(i), DType.FLOAT64));
        }
        return b.build();
    }

    /** this + a * other. */
    HostParams axpy(double a, HostParams other) {
        double[][] r = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            r[i] = values[i].clone();
            for (int j = 0; j < r[i].length; j++) r[i][j] += a * other.values[i][j];
        }
        return new HostParams(names, shapes, r);
    }

    HostParams scale(double c) {
        double[][] r = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            r[i] = values[i].clone();
            for (int j = 0; j < r[i].length; j++) r[i][j] *= c;
        }
        return new HostParams(names, shapes, r);
    }

    double dot(HostParams other) {
        double s = 0;
        for (int i = 0; i < values.length; i++)
            for (int j = 0; j < values[i].length; j++) s += values[i][j] * other.values[i][j];
        return s;
    }

    double norm() {
        return Math.sqrt(dot(this));
    }

    double maxAbs() {
        double m = 0;
        for (double[] v : values) for (double e : v) m = Math.max(m, Math.abs(e));
        return m;
    }

    /** "name[1,2]": the element at a flat (row-major) index of tensor i. */
    String elementName(int i, int flat) {
        int[] dims = shapes.get(i).dims();
        int[] idx = new int[dims.length];
        for (int a = dims.length - 1; a >= 0; a--) {
            idx[a] = flat % dims[a];
            flat /= dims[a];
        }
        StringBuilder sb = new StringBuilder(names.get(i)).append('[');
        for (int a = 0; a < idx.length; a++) sb.append(a > 0 ? "," : "").append(idx[a]);
        return sb.append(']').toString();
    }
}
