package dev.pearl.gpu;

/* Written at build time from the template ad-gpu/src/main/templates/dev/pearl/gpu/Dispatch.java, once per
 * element type: edit the template (its tokens are explained in ElementwiseCode.java there). */

/**
 * The $type$ half of the device program: one launch runs one op, selected by {@link #op}
 * (uniform across work-items). Reductions and matmuls give each work-item its own unit of work;
 * the element ops give each work-item a share of the elements (see KernelState#perItem).
 */
abstract class $Type$Dispatch extends $Type$MatmulCode {

    /** The program's matmul form: strip or tiled (see DevicePrograms). */
    abstract void matmul$T$();

    void run$T$() {
        if (op == Opcode.REDUCE) reduce$T$();
        else if (op == Opcode.MATMUL) matmul$T$();
        else indexedOrElements$T$();
    }
}
