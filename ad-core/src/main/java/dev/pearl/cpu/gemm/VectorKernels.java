package dev.pearl.cpu.gemm;

import jdk.incubator.vector.FloatVector;

/**
 * The only door to the Vector API classes: Gemm calls in here solely after checking that
 * jdk.incubator.vector is in the boot layer, so without the module none of them is ever loaded.
 */
final class VectorKernels {
    private VectorKernels() {}

    /** Bits of the preferred species: the widest vectors the JIT compiles to on this CPU and JVM. */
    static int preferredBits() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize();
    }

    /** Lanes of the preferred species for an element of the given bytes. */
    static int lanes(int elementBytes) {
        return preferredBits() / 8 / elementBytes;
    }

    static MicroKernel<float[]> floats(KernelShape shape) {
        return GeneratedKernels.floats(shape.rows, shape.vectors, shape.lanesPerNs(lanes(4)));
    }

    static MicroKernel<double[]> doubles(KernelShape shape) {
        return GeneratedKernels.doubles(shape.rows, shape.vectors, shape.lanesPerNs(lanes(8)));
    }

    /** The unpacked A Bᵀ kernel; half the packed kernel's rate, as its loads are not reused from registers. */
    static DotKernel<float[]> floatDots(MicroKernel<float[]> packed) {
        return new FloatDotKernel(packed.rate / 2);
    }

    static DotKernel<double[]> doubleDots(MicroKernel<double[]> packed) {
        return new DoubleDotKernel(packed.rate / 2);
    }
}
