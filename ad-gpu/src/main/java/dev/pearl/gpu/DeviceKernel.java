package dev.pearl.gpu;

/**
 * Dispatch of the device program: each launch runs one op on one arena, selected by
 * {@link #op} and {@link #wide}; the branches are uniform across work-items. The concrete
 * programs ({@link DevicePrograms}) differ only in which of these methods their {@code run()}
 * reaches, since Aparapi translates only code reachable from {@code run()}.
 */
abstract class DeviceKernel extends MatmulCode {

    /** Whether this program holds the float64 ops (and so needs cl_khr_fp64). */
    abstract boolean hasFloat64();

    /** Whether this program's matmul is the tiled one (the program then contains barriers). */
    abstract boolean tiled();

    // Reductions and matmuls give each work-item its own unit of work; the element ops give each
    // work-item a share of the elements (see KernelState#perItem).

    void runFloat32Strip() {
        if (op == Opcode.REDUCE) reduceF();
        else if (op == Opcode.MATMUL_STRIP) matmulStripF();
        else indexedOrElementsF();
    }

    void runFloat32Tiled() {
        if (op == Opcode.REDUCE) reduceF();
        else if (op == Opcode.MATMUL_TILED) matmulTiledF();
        else indexedOrElementsF();
    }

    void runFloat64Strip() {
        if (op == Opcode.REDUCE) reduceD();
        else if (op == Opcode.MATMUL_STRIP) matmulStripD();
        else indexedOrElementsD();
    }

    void runFloat64Tiled() {
        if (op == Opcode.REDUCE) reduceD();
        else if (op == Opcode.MATMUL_TILED) matmulTiledD();
        else indexedOrElementsD();
    }
}
