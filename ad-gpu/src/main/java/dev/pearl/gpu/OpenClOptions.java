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
    public enum MatmulForm { AUTO, STRIP, TILED }

    public static OpenClOptions defaults() {
        return new OpenClOptions(64, 2048, false, MatmulForm.AUTO, true);
    }

    public OpenClOptions withSharedMemory(boolean shared) {
        return new OpenClOptions(initialArenaMiB, maxArenaMiB, shared, matmul, float64);
    }

    public OpenClOptions withMatmul(MatmulForm form) {
        return new OpenClOptions(initialArenaMiB, maxArenaMiB, sharedMemory, form, float64);
    }

    public OpenClOptions withArenaMiB(long initial, long max) {
        return new OpenClOptions(initial, max, sharedMemory, matmul, float64);
    }

    public OpenClOptions withFloat64(boolean enabled) {
        return new OpenClOptions(initialArenaMiB, maxArenaMiB, sharedMemory, matmul, enabled);
    }
}
