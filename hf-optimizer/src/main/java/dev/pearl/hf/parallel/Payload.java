package dev.pearl.hf.parallel;

import dev.pearl.Params;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Tensor;

import java.io.Serializable;

/**
 * What a shard sends back (and θ or a direction sent out): a few scalars in double, and a flat
 * parameter vector in the run's dtype, so a float32 run moves floats. {@link #plus} sums two
 * elementwise; {@link #none()} is its identity (a shard with no selected cases).
 *
 * @serial exclude
 */
public final class Payload implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final double[] NO_SCALARS = new double[0];

    // Not final: Kryo fills the fields of an instance made without a constructor call.
    private double[] scalars;
    private float[] floats;
    private double[] doubles;
    private boolean none;

    private Payload() {
    }

    private Payload(double[] scalars, float[] floats, double[] doubles, boolean none) {
        this.scalars = scalars;
        this.floats = floats;
        this.doubles = doubles;
        this.none = none;
    }

    /**
     * The result of a shard that had no selected cases: the identity of {@link #plus}.
     *
     * @return an empty payload
     */
    public static Payload none() {
        return new Payload(NO_SCALARS, null, null, true);
    }

    /**
     * Scalars only, such as a loss and a case weight.
     *
     * @param values the scalars; copied
     * @return the payload
     */
    public static Payload scalars(double... values) {
        return new Payload(values.clone(), null, null, false);
    }

    /**
     * weight × the parameters, flattened in their order, with the given scalars.
     *
     * @param scalars the scalars; copied
     * @param vector the parameters, all of one dtype, at least one tensor
     * @param weight the factor applied to every element
     * @return the payload, its vector in the parameters' dtype
     */
    public static Payload of(double[] scalars, Params vector, double weight) {
        DType dtype = vector.get(0).dtype();
        int size = 0;
        for (Tensor t : vector.tensors()) size += t.size();
        int at = 0;
        if (dtype == DType.FLOAT32) {
            float[] flat = new float[size];
            for (Tensor t : vector.tensors()) {
                float[] part = t.toFloatArray();
                for (int i = 0; i < part.length; i++) flat[at + i] = (float) (weight * part[i]);
                at += part.length;
            }
            return new Payload(scalars.clone(), flat, null, false);
        }
        double[] flat = new double[size];
        for (Tensor t : vector.tensors()) {
            double[] part = t.toDoubleArray();
            for (int i = 0; i < part.length; i++) flat[at + i] = weight * part[i];
            at += part.length;
        }
        return new Payload(scalars.clone(), null, flat, false);
    }

    /**
     * Whether this is {@link #none()}.
     *
     * @return whether the shard had nothing to report
     */
    public boolean isNone() {
        return none;
    }

    /**
     * One scalar.
     *
     * @param i its position
     * @return the scalar
     * @throws ArrayIndexOutOfBoundsException if there is no such scalar
     */
    public double scalar(int i) {
        return scalars[i];
    }

    /**
     * Whether the payload carries a flattened vector.
     *
     * @return whether it was made by {@link #of}
     */
    public boolean hasVector() {
        return floats != null || doubles != null;
    }

    float[] floats() {
        return floats;
    }

    double[] doubles() {
        return doubles;
    }

    /**
     * The elementwise sum (scalars in double, the vector in its dtype).
     *
     * @param o a payload of the same kind (or none)
     * @return the sum
     * @throws IllegalStateException if the two differ in their scalars or vector
     */
    public Payload plus(Payload o) {
        if (o.none) return this;
        if (none) return o;
        if (scalars.length != o.scalars.length || hasVector() != o.hasVector())
            throw new IllegalStateException("cannot add shard results of different kinds");
        double[] s = new double[scalars.length];
        for (int i = 0; i < s.length; i++) s[i] = scalars[i] + o.scalars[i];
        float[] f = null;
        double[] d = null;
        if (floats != null) {
            f = new float[floats.length];
            for (int i = 0; i < f.length; i++) f[i] = floats[i] + o.floats[i];
        }
        if (doubles != null) {
            d = new double[doubles.length];
            for (int i = 0; i < d.length; i++) d[i] = doubles[i] + o.doubles[i];
        }
        return new Payload(s, f, d, false);
    }

    /**
     * Bytes of the vector part, for transfer accounting.
     *
     * @return 4 or 8 bytes per element, 0 without a vector
     */
    public long vectorBytes() {
        return floats != null ? 4L * floats.length : doubles != null ? 8L * doubles.length : 0;
    }
}
