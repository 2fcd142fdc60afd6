package dev.pearl.gpu;

/**
 * Settings of an {@link OpenClBackend}.
 *
 * @param initialArenaMiB size of each arena when first used (at least 32 MiB, see {@link Arena})
 * @param maxArenaMiB     the most an arena may grow to (also capped by the device's largest allocation and 2 GiB)
 * @param sharedMemory    false (default): device-resident buffers (CL_MEM_COPY_HOST_PTR), moved only by explicit
 *                        copies; true: buffers on the host arrays (CL_MEM_USE_HOST_PTR), which on PoCL made small
 *                        launches and reads several times slower
 * @param matmul          which matmul kernel: AUTO picks by device type
 * @param float64         false builds the float32-only device program, as on a device without cl_khr_fp64
 */
public record OpenClOptions(long initialArenaMiB, long maxArenaMiB, boolean sharedMemory, MatmulForm matmul, boolean float64) {

    /** The matmul kernels: STRIP suits CPU devices (PoCL), TILED suits GPUs. */
    public enum MatmulForm {
        /** STRIP on a CPU device, TILED on any other. */
        AUTO,
        /** 4 rows x 64 contiguous columns per work-item, a loop that CPU devices (PoCL) vectorise. */
        STRIP,
        /** 16x16 tiles staged in local memory, for GPUs; a device that cannot run 16x16 work-groups gets STRIP under AUTO and an error when TILED is asked for. */
        TILED
    }

    /**
     * Arenas of 64 MiB growing to 2048 MiB, device-resident buffers, the matmul kernel chosen by
     * device type, float64 enabled where the device supports it.
     *
     * @return the default settings
     */
    public static OpenClOptions defaults() {
        return new OpenClOptions(64, 2048, false, MatmulForm.AUTO, true);
    }

    /**
     * These settings with another buffer placement.
     *
     * @param shared true for buffers on the host arrays, false for device-resident buffers
     * @return new settings
     */
    public OpenClOptions withSharedMemory(boolean shared) {
        return new OpenClOptions(initialArenaMiB, maxArenaMiB, shared, matmul, float64);
    }

    /**
     * These settings with another matmul kernel.
     *
     * @param form the kernel, or AUTO to pick by device type
     * @return new settings
     */
    public OpenClOptions withMatmul(MatmulForm form) {
        return new OpenClOptions(initialArenaMiB, maxArenaMiB, sharedMemory, form, float64);
    }

    /**
     * These settings with other arena sizes.
     *
     * @param initial each arena's size when first used, in MiB
     * @param max the most an arena may grow to, in MiB
     * @return new settings
     */
    public OpenClOptions withArenaMiB(long initial, long max) {
        return new OpenClOptions(initial, max, sharedMemory, matmul, float64);
    }

    /**
     * These settings with float64 on or off.
     *
     * @param enabled false builds the float32-only device program
     * @return new settings
     */
    public OpenClOptions withFloat64(boolean enabled) {
        return new OpenClOptions(initialArenaMiB, maxArenaMiB, sharedMemory, matmul, enabled);
    }
}
