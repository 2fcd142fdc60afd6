package dev.pearl.cpu.gemm;

import dev.pearl.cpu.parallel.ThreadPool;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Dense matrix multiply on the CPU: C = op(A) * op(B), all row-major.
 *
 * <p>With jdk.incubator.vector in the boot layer ({@code --add-modules jdk.incubator.vector}) the
 * packed driver runs a Vector API micro-kernel chosen once for the vector registers this JVM may
 * use (see {@link #kernel()}); without it the same driver runs an auto-vectorised scalar kernel
 * (several times slower) and says so once on stderr. The system property
 * {@code pearl.gemm.scalar=true} forces the scalar path. Safe to call from many threads at once.
 */
public final class Gemm {
    private static final KernelChoice CHOICE = KernelChoice.detect();
    private static final boolean VECTOR = CHOICE.vector;
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
        CHOICE.floats.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, pool);
    }

    /** As {@link #sgemm} for double. */
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k, double[] a, int aOff,
                             double[] b, int bOff, double[] c, int cOff, ThreadPool pool) {
        warnOnceIfScalar();
        CHOICE.doubles.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, pool);
    }

    /** True when the Vector API fast path is active. */
    public static boolean vectorized() {
        return VECTOR;
    }

    /**
     * The kernels in use, named once at start-up: instruction set, vector width and registers, the
     * float and double tile shapes with their block sizes, and the caches they were sized for,
     * e.g. {@code avx2 256-bit 16 regs, caches L1d=32K L2=512K L3/core=4M (default); float 6x2
     * vectors = 6x16, KC=384 MC=...}; or {@code scalar (why)} on the fallback.
     */
    public static String kernel() {
        return CHOICE.description;
    }

    /** The set-up chosen at start-up, for tests. */
    static KernelChoice choice() {
        return CHOICE;
    }

    private static void warnOnceIfScalar() {
        if (VECTOR || WARNED.get() || WARNED.getAndSet(true)) return;
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            System.err.println("pearl: Vector API not enabled; CPU matmul uses the scalar path "
                    + "(add --add-modules jdk.incubator.vector to the java command for full speed)");
        } else if (!Boolean.getBoolean("pearl.gemm.scalar")) {
            System.err.println("pearl: " + CHOICE.description + "; CPU matmul uses the scalar path");
        }
    }
}
