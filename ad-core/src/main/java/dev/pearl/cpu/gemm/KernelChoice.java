package dev.pearl.cpu.gemm;

import java.util.function.Function;

/**
 * The GEMM set-up for this CPU and JVM, chosen once: a Vector API micro-kernel whose tile fits
 * the register file (see {@link KernelShape}) with block sizes from the caches, or the scalar
 * kernel when vectors are unavailable. System properties force a choice, for measurements:
 * {@code pearl.gemm.scalar=true}, {@code pearl.gemm.kernel=RxV} (e.g. 8x3) and
 * {@code pearl.gemm.mc/kc/nc}; a bad value is reported on stderr and the automatic choice used.
 */
final class KernelChoice {
    final Engine<float[]> floats;
    final Engine<double[]> doubles;
    /** Whether the kernels are the Vector API ones (false: the scalar fallback). */
    final boolean vector;
    /** The vector hardware and tile shape in use; null on the scalar fallback. */
    final VectorHardware hardware;
    final KernelShape shape;
    /** One line naming the kernels and block sizes, e.g. for {@code pearl devices}. */
    final String description;

    private KernelChoice(Engine<float[]> floats, Engine<double[]> doubles, VectorHardware hardware, KernelShape shape, String prefix) {
        this.floats = floats;
        this.doubles = doubles;
        this.vector = shape != null;
        this.hardware = hardware;
        this.shape = shape;
        this.description = prefix + "; float " + floats.describe() + "; double " + doubles.describe();
    }

    static KernelChoice detect() {
        try {
            return detect(System::getProperty);
        } catch (IllegalArgumentException e) { // a bad pearl.gemm.* property must not make matmul unusable
            System.err.println("pearl: ignoring the pearl.gemm properties: " + e.getMessage());
            return detect(key -> null);
        }
    }

    private static KernelChoice detect(Function<String, String> props) {
        if (Boolean.getBoolean("pearl.gemm.scalar")) return scalar("scalar (pearl.gemm.scalar=true)", props);
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty())
            return scalar("scalar (Vector API not enabled)", props);
        VectorHardware hw;
        try {
            hw = VectorKernels.preferredBits() >= 128 ? VectorHardware.detect() : null;
        } catch (LinkageError e) {
            hw = null;
        }
        if (hw == null) return scalar("scalar (no SIMD vectors for the Vector API)", props);
        if (!hw.fma) return scalar("scalar (" + hw + ": the JIT has no fused multiply-add)", props);
        String forced = props.apply("pearl.gemm.kernel");
        KernelShape shape = forced != null ? generated(forced) : KernelShape.fitting(hw.registers);
        return vector(hw, shape, CacheSizes.detect(), props);
    }

    /** The shape a pearl.gemm.kernel value names, if one was generated. */
    private static KernelShape generated(String value) {
        KernelShape s = KernelShape.parse(value);
        StringBuilder all = new StringBuilder();
        for (int[] g : GeneratedKernels.SHAPES) {
            if (g[0] == s.rows && g[1] == s.vectors) return s;
            all.append(all.length() == 0 ? "" : ", ").append(g[0]).append('x').append(g[1]);
        }
        throw new IllegalArgumentException("pearl.gemm.kernel=" + value + ": no such kernel; there are " + all);
    }

    /** The Vector API kernels of one shape; call only with jdk.incubator.vector present. */
    static KernelChoice vector(VectorHardware hw, KernelShape shape, CacheSizes caches, Function<String, String> props) {
        MicroKernel<float[]> fk = VectorKernels.floats(shape);
        MicroKernel<double[]> dk = VectorKernels.doubles(shape);
        return new KernelChoice(
                new Engine<>(FloatArrays.INSTANCE, fk, Blocking.forKernel(caches, 4, fk.mr, fk.nr).overriddenBy(props), VectorKernels.floatDots(fk)),
                new Engine<>(DoubleArrays.INSTANCE, dk, Blocking.forKernel(caches, 8, dk.mr, dk.nr).overriddenBy(props), VectorKernels.doubleDots(dk)),
                hw, shape, hw + ", caches " + caches);
    }

    /**
     * The fallback without the Vector API: the scalar kernel wants long rows for C2's
     * auto-vectorisation, and its block sizes are the ones measured best for it.
     */
    static KernelChoice scalar(String why, Function<String, String> props) {
        return new KernelChoice(
                new Engine<>(FloatArrays.INSTANCE, new ScalarKernel<>(FloatArrays.INSTANCE, 256, 12), new Blocking(192, 384, 4096).overriddenBy(props), null),
                new Engine<>(DoubleArrays.INSTANCE, new ScalarKernel<>(DoubleArrays.INSTANCE, 128, 6), new Blocking(96, 384, 2048).overriddenBy(props), null),
                null, null, why);
    }
}
