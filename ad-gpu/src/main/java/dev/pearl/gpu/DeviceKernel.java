package dev.pearl.gpu;

/**
 * The device program: each launch runs one op on one arena, selected by {@link #op} and
 * {@link #wide}. Its code is written once for both element types: the classes below this one,
 * from {@link KernelState} up, are {@code Float32ElementwiseCode < Float32ReductionCode <
 * Float32MatmulCode < Float32Dispatch < Float64ElementwiseCode < ... < Float64Dispatch}, written
 * at build time from the templates in {@code src/main/templates} (see the module's README). Only
 * the cast, which reads one arena and writes the other, is written here.
 *
 * <p>The concrete programs ({@link DevicePrograms}) choose the matmul form and whether float64
 * is in; Aparapi translates only code reachable from {@code run()}, resolving each call from the
 * program's own class, so what a program overrides with nothing is not in its OpenCL source.
 */
abstract class DeviceKernel extends Float64Dispatch {
    private final boolean tiled;
    private final boolean float64;

    DeviceKernel(boolean tiled, boolean float64) {
        this.tiled = tiled;
        this.float64 = float64;
    }

    /** Whether this program holds the float64 ops (and so needs cl_khr_fp64). */
    final boolean hasFloat64() {
        return float64;
    }

    /** Whether this program's matmul is the tiled one (the program then contains barriers). */
    final boolean tiled() {
        return tiled;
    }

    @Override
    public void run() {
        if (wide == 0) runF();
        else float64();
    }

    /** The float64 ops and the casts (launched as float64 ops); programs without float64 override this with nothing. */
    void float64() {
        if (op == Opcode.CAST) cast();
        else runD();
    }

    void cast() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) {
                if (fn == ElementFn.TO_FLOAT64) arenaD[yBase + i] = (double) arenaF[aBase + i];
                else arenaF[yBase + i] = (float) arenaD[aBase + i];
            }
        }
    }
}
