package dev.pearl.cpu.gemm;

import dev.pearl.cpu.parallel.ThreadPool;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Dense matrix multiply on the CPU: C = op(A) * op(B), all row-major.
 *
 * <p>With jdk.incubator.vector in the boot layer ({@code --add-modules jdk.incubator.vector}) the
 * packed driver runs a Vector API micro-kernel; without it the same driver runs an auto-vectorised
 * scalar kernel (several times slower) and says so once on stderr. The system property
 * {@code pearl.gemm.scalar=true} forces the scalar path. Safe to call from many threads at once.
 */
public final class Gemm {
    private static final boolean VECTOR = !Boolean.getBoolean("pearl.gemm.scalar") && vectorApiUsable();
    private static final Engine<float[]> F32 = floatEngine(VECTOR);
    private static final Engine<double[]> F64 = doubleEngine(VECTOR);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private Gemm() {}

    /**
     * C = op(A) * op(B), row-major, C overwritten. op(A) is m x k: A is stored m x k (transA=false)
     * or k x m (transA=true), contiguous from aOff. op(B) is k x n: B stored k x n or n x k
     * (transB). C is m x n contiguous from cOff. k == 0 gives C = 0. Runs on at most
     * pool.threads() threads (null means the calling thread only).
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff,
                             float[] b, int bOff, float[] c, int cOff, ThreadPool pool) {
        warnOnceIfScalar();
        F32.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, pool);
    }

    /** As {@link #sgemm} for double. */
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k, double[] a, int aOff,
                             double[] b, int bOff, double[] c, int cOff, ThreadPool pool) {
        warnOnceIfScalar();
        F64.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, pool);
    }

    /** True when the Vector API fast path is active. */
    public static boolean vectorized() {
        return VECTOR;
    }

    // Block sizes mc, kc, nc: an mc x kc slice of A fits L2, a kc x nc slice of B fits L3;
    // kc = 384 measured best here (CPU-GEMM-NOTES). The scalar kernel wants long rows (nr).
    static Engine<float[]> floatEngine(boolean vector) {
        FloatArrays ops = FloatArrays.INSTANCE;
        return vector ? new Engine<>(ops, VectorKernels.floats(), 192, 384, 4096)
                      : new Engine<>(ops, new ScalarKernel<>(ops, 256, 12), 192, 384, 4096);
    }

    static Engine<double[]> doubleEngine(boolean vector) {
        DoubleArrays ops = DoubleArrays.INSTANCE;
        return vector ? new Engine<>(ops, VectorKernels.doubles(), 96, 384, 2048)
                      : new Engine<>(ops, new ScalarKernel<>(ops, 128, 6), 96, 384, 2048);
    }

    /** Checks the module before touching any Vector API class, so absence costs nothing. */
    private static boolean vectorApiUsable() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return false;
        try {
            return VectorKernels.worthwhile();
        } catch (LinkageError e) {
            return false;
        }
    }

    private static void warnOnceIfScalar() {
        if (VECTOR || WARNED.get() || WARNED.getAndSet(true)) return;
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            System.err.println("pearl: Vector API not enabled; CPU matmul uses the scalar path "
                    + "(add --add-modules jdk.incubator.vector to the java command for full speed)");
        } else if (!Boolean.getBoolean("pearl.gemm.scalar")) {
            System.err.println("pearl: Vector API unusable on this CPU; CPU matmul uses the scalar path");
        }
    }
}
