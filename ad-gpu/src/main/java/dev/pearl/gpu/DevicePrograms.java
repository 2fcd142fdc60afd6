package dev.pearl.gpu;

/**
 * The four device programs: strip or tiled matmul, with or without float64. They exist apart
 * because a program is compiled as a whole: PoCL handles a kernel containing a barrier (the tiled
 * matmul's) by splitting every path into regions, which made the element ops there about 20
 * times slower, so CPU devices get a program without it; and a device without cl_khr_fp64
 * cannot compile a program that mentions double. Each program leaves the rest out of its
 * OpenCL source by not reaching it from {@code run()} (see {@link DeviceKernel}).
 */
final class DevicePrograms {
    private DevicePrograms() {
    }

    static DeviceKernel create(boolean tiled, boolean float64) {
        if (tiled) return float64 ? new Tiled(true) : new TiledFloat32();
        return float64 ? new Strip(true) : new StripFloat32();
    }

    /** CPU devices: the strip matmul. */
    static class Strip extends DeviceKernel {
        Strip(boolean float64) {
            super(false, float64);
        }

        @Override
        void matmulF() {
            matmulStripF();
        }

        @Override
        void matmulD() {
            matmulStripD();
        }
    }

    /** GPUs: the tiled matmul. */
    static class Tiled extends DeviceKernel {
        Tiled(boolean float64) {
            super(true, float64);
        }

        @Override
        void matmulF() {
            matmulTiledF();
        }

        @Override
        void matmulD() {
            matmulTiledD();
        }
    }

    /** Devices without cl_khr_fp64: no double anywhere in the source (float64 launches are refused before they get here). */
    static final class StripFloat32 extends Strip {
        StripFloat32() {
            super(false);
        }

        @Override
        void float64() {
        }
    }

    static final class TiledFloat32 extends Tiled {
        TiledFloat32() {
            super(false);
        }

        @Override
        void float64() {
        }
    }
}
