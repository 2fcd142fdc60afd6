package dev.pearl.ad;

import dev.pearl.Tensor;

/**
 * What reverse mode keeps of a value that a primitive's VJP rule declares it does not read:
 * its shape, dtype and backend. Reading it means the declaration is wrong, and says so.
 */
final class Released extends ShapedValue {
    private final String what;

    private Released(Tensor of, String what) {
        super(of.shape(), of.dtype(), of.backend());
        this.what = what;
    }

    static Tensor input(Tensor value, Primitive p, int i) {
        return p.vjpReadsInput(i) ? value : new Released(value, "input " + i + " of '" + p.name() + "'");
    }

    static Tensor output(Tensor value, Primitive p) {
        return p.vjpReadsOutput() ? value : new Released(value, "the output of '" + p.name() + "'");
    }

    @Override
    Level level() {
        throw noValue();
    }

    @Override
    IllegalStateException noValue() {
        return new IllegalStateException("reverse mode: the VJP rule read " + what
                + ", whose value it declares it does not need (vjpReadsInput / vjpReadsOutput), so it was not kept");
    }
}
