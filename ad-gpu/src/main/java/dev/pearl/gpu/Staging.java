package dev.pearl.gpu;

import dev.pearl.tensor.DType;

import java.lang.reflect.Array;

/**
 * Moves tensor data between host arrays and the arenas. Aparapi's explicit put/get always moves
 * a whole array, so data travels through staging arrays of three sizes (the smallest that fits
 * is used; longer tensors go in chunks of the largest) and a kernel copies between staging array
 * and arena on the device. Each download also brings the arena's canary (see {@link Arena}).
 *
 * <p>Staging arrays are small and may be moved by the collector, which is harmless here: an
 * upload re-sends the host copy anyway, and Aparapi's get pins the array and reads into its
 * current address.
 */
final class Staging {
    /** Elements per staging array, smallest first; the last slot of each carries the canary. */
    static final int SMALL = 256, MEDIUM = 16 << 10, LARGE = 1 << 20;

    private final Launcher launcher;

    Staging(Launcher launcher) {
        this.launcher = launcher;
    }

    private static int tier(int length) {
        return length < SMALL ? 0 : length < MEDIUM ? 1 : 2;
    }

    private static int chunk(int remaining) {
        return Math.min(remaining, LARGE - 1);
    }

    /** Copies {@code src}, a float[] for a float32 arena or a double[] for a float64 one, into {@code dst}. */
    void upload(DeviceStorage dst, Object src) {
        DeviceKernel k = launcher.kernel;
        DType dtype = dst.arena.dtype;
        int length = Array.getLength(src);
        for (int done = 0; done < length; ) {
            int len = chunk(length - done), tier = tier(len);
            Object stage = k.stage(dtype, tier);
            System.arraycopy(src, done, stage, 0, len);
            k.putArray(stage);
            launcher.counter.upload((long) dtype.bytes() * Array.getLength(stage));
            k.select(Opcode.STAGE_IN, 0, dtype);
            k.tier = tier;
            k.yBase = dst.offset + done;
            launcher.runElements(len);
            done += len;
        }
    }

    /** The elements of {@code src}: a float[] from a float32 arena, a double[] from a float64 one. */
    Object download(DeviceStorage src) {
        DeviceKernel k = launcher.kernel;
        DType dtype = src.arena.dtype;
        Object out = dtype == DType.FLOAT32 ? new float[src.size()] : new double[src.size()];
        for (int done = 0; done < src.size(); ) {
            int len = chunk(src.size() - done), tier = tier(len);
            k.select(Opcode.STAGE_OUT, 0, dtype);
            k.tier = tier;
            k.aBase = src.offset + done;
            launcher.runElements(len + 1);
            Object stage = k.stage(dtype, tier);
            k.getArray(stage);
            launcher.counter.download((long) dtype.bytes() * Array.getLength(stage));
            checkCanary(src.arena, Array.getDouble(stage, len));
            System.arraycopy(stage, 0, out, done, len);
            done += len;
        }
        return out;
    }

    private void checkCanary(Arena arena, double seen) {
        if (seen != arena.canary())
            throw new OpenClException("opencl: the " + arena.dtype + " arena lost its device contents (canary " + seen
                    + ", expected " + arena.canary() + "): the JVM moved the arena array and Aparapi re-created its buffer from the stale host copy;"
                    + " run with G1 (the default collector) and enough heap for the arena to stay a humongous object");
    }
}
