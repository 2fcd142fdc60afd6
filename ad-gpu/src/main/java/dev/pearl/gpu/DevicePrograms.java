package dev.pearl.gpu;

/**
 * The four device programs: strip or tiled matmul, with or without float64. They exist apart
 * because a program is compiled as a whole: PoCL handles a kernel containing a barrier (the tiled
 * matmul's) by splitting every path into regions, which made the element ops there about 20
 * times slower, so CPU devices get a program without it; and a device without cl_khr_fp64
 * cannot compile a program that mentions double.
 */
final class DevicePrograms {
    private DevicePrograms() {
    }

    static DeviceKernel create(boolean tiled, boolean float64) {
        if (tiled) return float64 ? new Tiled() : new TiledFloat32();
        return float64 ? new Strip() : new StripFloat32();
    }

    static final class Strip extends DeviceKernel {
        @Override
        public void run() {
            if (wide == 1) runFloat64Strip();
            else runFloat32Strip();
        }

        @Override
        boolean hasFloat64() {
            return true;
        }

        @Override
        boolean tiled() {
            return false;
        }
    }

    static final class Tiled extends DeviceKernel {
        @Override
        public void run() {
            if (wide == 1) runFloat64Tiled();
            else runFloat32Tiled();
        }

        @Override
        boolean hasFloat64() {
            return true;
        }

        @Override
        boolean tiled() {
            return true;
        }
    }

    static final class StripFloat32 extends DeviceKernel {
        @Override
        public void run() {
            runFloat32Strip();
        }

        @Override
        boolean hasFloat64() {
            return false;
        }

        @Override
        boolean tiled() {
            return false;
        }
    }

    static final class TiledFloat32 extends DeviceKernel {
        @Override
        public void run() {
            runFloat32Tiled();
        }

        @Override
        boolean hasFloat64() {
            return false;
        }

        @Override
        boolean tiled() {
            return true;
        }
    }
}
