package dev.pearl.cpu.gemm;

import jdk.incubator.vector.FloatVector;

/**
 * The only door to the Vector API classes: Gemm calls in here solely after checking that
 * jdk.incubator.vector is in the boot layer, so without the module none of them is ever loaded.
 */
final class VectorKernels {
    private VectorKernels() {}

    /** Whether the preferred species is real SIMD (on hardware without it the API is emulated and slow). */
    static boolean worthwhile() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 128;
    }

    static MicroKernel<float[]> floats() {
        return new FloatVectorKernel();
    }

    static MicroKernel<double[]> doubles() {
        return new DoubleVectorKernel();
    }
}
