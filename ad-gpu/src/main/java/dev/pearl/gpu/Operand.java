package dev.pearl.gpu;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The output (y) and the inputs (a, b, c) of a launch as the device program sees them: a base
 * offset and four per-axis strides, each a scalar kernel argument of {@link KernelState} named
 * {@code <name>Base} and {@code <name>S0..S3}. Scalars must stay separate fields (an array field
 * would be a buffer, moved by an explicit put), so the host reaches them by name here, once.
 */
enum Operand {
    Y("y"), A("a"), B("b"), C("c");

    private static final int AXES = 4;

    private final VarHandle base;
    private final VarHandle[] strides = new VarHandle[AXES];

    Operand(String name) {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            base = lookup.findVarHandle(KernelState.class, name + "Base", int.class);
            for (int axis = 0; axis < AXES; axis++)
                strides[axis] = lookup.findVarHandle(KernelState.class, name + "S" + axis, int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Sets this operand's base offset and the strides of the first {@code axisStrides.length} axes; the others become 0. */
    void bind(KernelState k, int offset, int... axisStrides) {
        if (axisStrides.length > AXES) throw new IllegalArgumentException("opencl: " + axisStrides.length + " strides for " + AXES + " axes");
        base.set(k, offset);
        for (int axis = 0; axis < AXES; axis++) strides[axis].set(k, axis < axisStrides.length ? axisStrides[axis] : 0);
    }
}
