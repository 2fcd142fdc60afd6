package dev.pearl.gpu;

import com.aparapi.Range;
import com.aparapi.device.Device;
import com.aparapi.device.OpenCLDevice;
import com.aparapi.exception.CompileFailedException;
import com.aparapi.exception.QueryFailedException;

/**
 * Owns the one device-program instance of a backend and launches it. Ranges always carry an
 * explicit work-group size and the device: Aparapi then has no other device to fall back to
 * and a failed launch raises an error instead of silently re-running on Java threads; each
 * launch is also checked with {@code isRunningCL()}.
 */
final class Launcher {
    /** Work-group size of 1-D launches; one size, so PoCL compiles the program once. */
    private static final int GROUP = 64;

    final OpenCLDevice device;
    final DeviceKernel kernel;
    final TransferStats.Counter counter;
    private final int group;
    private final int maxGroup;
    private boolean released;

    private Launcher(OpenCLDevice device, DeviceKernel kernel, TransferStats.Counter counter) {
        this.device = device;
        this.kernel = kernel;
        this.counter = counter;
        int max;
        try {
            max = kernel.getKernelMaxWorkGroupSize(device);
        } catch (QueryFailedException e) {
            throw new OpenClException("opencl: cannot query the work-group limit of the program on " + describe(device) + ": " + e.getMessage(), e);
        }
        this.maxGroup = max;
        this.group = Math.max(1, Math.min(GROUP, max));
        // One launch that does nothing (op 0 matches no branch): it sets up the arguments and buffers
        // now rather than in the first op, and Aparapi's dispose crashes on a program never launched.
        kernel.op = 0;
        execute(Range.create(device, group, group));
    }

    /**
     * Compiles the device program for {@code device}: with the tiled or the strip matmul, and
     * with float64 ops when asked for and the device has cl_khr_fp64, else float32-only.
     * Compile errors surface here, not at the first op.
     */
    static Launcher compile(OpenCLDevice device, boolean tiled, boolean float64) {
        if (float64) {
            try {
                return compile(device, DevicePrograms.create(tiled, true));
            } catch (OpenClException e) {
                if (!String.valueOf(e.getCause() == null ? null : e.getCause().getMessage()).contains("FP64")) throw e;
            }
        }
        return compile(device, DevicePrograms.create(tiled, false));
    }

    /** Compiles {@code kernel} for {@code device} in explicit-transfer mode. */
    static Launcher compile(OpenCLDevice device, DeviceKernel kernel) {
        kernel.setExplicit(true);
        try {
            kernel.compile(device);
        } catch (CompileFailedException e) {
            throw new OpenClException("opencl: the device program failed to compile on " + describe(device) + ": " + e.getMessage(), e);
        }
        return new Launcher(device, kernel, new TransferStats.Counter());
    }

    static String describe(OpenCLDevice device) {
        return "'" + device.getName().trim() + "' (" + device.getType() + ")";
    }

    /**
     * Runs the current element op over {@code elements} elements with no more work-items than the
     * device keeps busy: on a CPU device each takes a contiguous run of at least 64 elements, on
     * a GPU they stride over the elements together (see KernelState#perItem).
     */
    void runElements(int elements) {
        if (elements <= 0) return;
        boolean cpu = device.getType() == Device.TYPE.CPU;
        long busy = (long) Math.max(1, device.getMaxComputeUnits()) * group * (cpu ? 4 : 16);
        long wanted = cpu ? (elements + 63) / 64 : elements;
        int items = (int) ((Math.min(busy, wanted) + group - 1) / group * group);
        int per = (int) (((long) elements + items - 1) / items);
        kernel.perItem = per;
        kernel.itemStride = cpu ? per : 1;
        kernel.loopStride = cpu ? 1 : items;
        kernel.n = elements;
        execute(Range.create(device, items, group));
    }

    /** Runs the current op over {@code workItems} 1-D work-items, one unit of work each (rounded up to whole groups). */
    void run(int workItems) {
        if (workItems <= 0) return;
        int global = (int) (((long) workItems + group - 1) / group * group);
        execute(Range.create(device, global, group));
    }

    /** Runs the current op over a 2-D grid of TILE x TILE work-groups covering cols x rows. */
    void runTiles(int cols, int rows) {
        if (cols <= 0 || rows <= 0) return;
        int t = Opcode.TILE;
        execute(Range.create2D(device, (cols + t - 1) / t * t, (rows + t - 1) / t * t, t, t));
    }

    /** Whether the program may run TILE x TILE work-groups on this device. */
    boolean fitsTiles() {
        return maxGroup >= Opcode.TILE * Opcode.TILE;
    }

    private void execute(Range range) {
        if (released) throw new IllegalStateException("opencl: this backend was released");
        try {
            kernel.execute(range);
        } catch (RuntimeException | AssertionError e) {
            throw new OpenClException("opencl: kernel launch failed on " + describe(device) + " (op " + kernel.op + "): " + e.getMessage(), e);
        }
        if (!kernel.isRunningCL())
            throw new OpenClException("opencl: the program no longer runs on " + describe(device) + " after a failed launch; refusing Aparapi's Java fallback");
        counter.launch();
    }

    void release() {
        released = true;
        kernel.dispose();
    }
}
