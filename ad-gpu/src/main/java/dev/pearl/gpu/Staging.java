package dev.pearl.gpu;

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

    void upload(DeviceStorage dst, float[] src) {
        DeviceKernel k = launcher.kernel;
        for (int done = 0; done < src.length; ) {
            int len = chunk(src.length - done), tier = tier(len);
            float[] stage = tier == 0 ? k.f0 : tier == 1 ? k.f1 : k.f2;
            System.arraycopy(src, done, stage, 0, len);
            k.put(stage);
            launcher.counter.upload(4L * stage.length);
            stageIn(dst.offset + done, len, tier, 0);
            done += len;
        }
    }

    void upload(DeviceStorage dst, double[] src) {
        DeviceKernel k = launcher.kernel;
        for (int done = 0; done < src.length; ) {
            int len = chunk(src.length - done), tier = tier(len);
            double[] stage = tier == 0 ? k.d0 : tier == 1 ? k.d1 : k.d2;
            System.arraycopy(src, done, stage, 0, len);
            k.put(stage);
            launcher.counter.upload(8L * stage.length);
            stageIn(dst.offset + done, len, tier, 1);
            done += len;
        }
    }

    float[] downloadFloat(DeviceStorage src) {
        DeviceKernel k = launcher.kernel;
        float[] out = new float[src.size()];
        for (int done = 0; done < out.length; ) {
            int len = chunk(out.length - done), tier = tier(len);
            stageOut(src.offset + done, len, tier, 0);
            float[] stage = tier == 0 ? k.f0 : tier == 1 ? k.f1 : k.f2;
            k.get(stage);
            launcher.counter.download(4L * stage.length);
            checkCanary(src.arena, stage[len]);
            System.arraycopy(stage, 0, out, done, len);
            done += len;
        }
        return out;
    }

    double[] downloadDouble(DeviceStorage src) {
        DeviceKernel k = launcher.kernel;
        double[] out = new double[src.size()];
        for (int done = 0; done < out.length; ) {
            int len = chunk(out.length - done), tier = tier(len);
            stageOut(src.offset + done, len, tier, 1);
            double[] stage = tier == 0 ? k.d0 : tier == 1 ? k.d1 : k.d2;
            k.get(stage);
            launcher.counter.download(8L * stage.length);
            checkCanary(src.arena, stage[len]);
            System.arraycopy(stage, 0, out, done, len);
            done += len;
        }
        return out;
    }

    private void stageIn(int offset, int len, int tier, int wide) {
        DeviceKernel k = launcher.kernel;
        k.op = Opcode.STAGE_IN;
        k.wide = wide;
        k.tier = tier;
        k.yBase = offset;
        launcher.runElements(len);
    }

    private void stageOut(int offset, int len, int tier, int wide) {
        DeviceKernel k = launcher.kernel;
        k.op = Opcode.STAGE_OUT;
        k.wide = wide;
        k.tier = tier;
        k.aBase = offset;
        launcher.runElements(len + 1);
    }

    private void checkCanary(Arena arena, double seen) {
        if (seen != arena.canary())
            throw new OpenClException("opencl: the " + arena.dtype + " arena lost its device contents (canary " + seen
                    + ", expected " + arena.canary() + "): the JVM moved the arena array and Aparapi re-created its buffer from the stale host copy;"
                    + " run with G1 (the default collector) and enough heap for the arena to stay a humongous object");
    }
}
