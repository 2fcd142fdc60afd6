package dev.pearl.gpu;

import com.aparapi.internal.model.ClassModel;
import com.aparapi.internal.writer.KernelWriter;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The device program itself: it compiles for the device up front (failures are errors, not a
 * switch to Java threads), runs there, and its float32-only variant, for devices without
 * cl_khr_fp64, contains no double code at all and still runs every float32 op.
 */
class DeviceProgramTest {

    private static String openClSource(DeviceKernel kernel) throws Exception {
        return KernelWriter.writeToString(ClassModel.createClassModel(kernel.getClass()).getEntrypoint("run", kernel));
    }

    @Test
    void theProgramRunsOnTheOpenClDevice() {
        OpenClBackend b = OpenClTestSupport.discrete();
        b.full(Shape.of(3), DType.FLOAT32, 1);
        assertTrue(b.isRunningOnDevice(), "Aparapi's isRunningCL");
        assertTrue(b.supportsFloat64(), "PoCL and current GPUs have cl_khr_fp64");
    }

    @Test
    void float32ProgramsHaveNoDoubleCodeAndStripProgramsNoBarrier() throws Exception {
        for (boolean tiled : new boolean[]{false, true}) {
            String narrow = openClSource(DevicePrograms.create(tiled, false)), full = openClSource(DevicePrograms.create(tiled, true));
            assertFalse(narrow.contains("double") || narrow.contains("cl_khr_fp64"), "a float32 program must compile without cl_khr_fp64");
            assertTrue(full.contains("cl_khr_fp64") && full.contains("double"));
            for (String program : new String[]{narrow, full})
                assertEquals(tiled, program.contains("barrier("), "only tiled programs contain a barrier (it slows every op on PoCL)");
        }
    }

    @Test
    void withoutFloat64EveryFloat32OpStillRunsAndFloat64SaysWhyNotInOneLine() {
        OpenClBackend b = OpenClTestSupport.backend(OpenClTestSupport.discreteOptions().withFloat64(false));
        assertFalse(b.supportsFloat64());
        var x = b.fromArray(new float[]{1, 2, 3, 4, 5, 6}, Shape.of(2, 3), DType.FLOAT32);
        var y = b.matmul(x, x, false, true);
        assertArrayEquals(new float[]{14, 32, 32, 77}, b.toFloatArray(y));
        assertArrayEquals(new float[]{5, 7, 9}, b.toFloatArray(b.reduce(dev.pearl.backend.ReduceOp.SUM, x, new int[]{0})));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> b.full(Shape.of(2), DType.FLOAT64, 1));
        assertTrue(e.getMessage().contains("float64") && !e.getMessage().contains("\n"), e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> b.cast(x, DType.FLOAT64));
    }

    /** A program OpenCL cannot compile: a reachable method with an unbounded recursion. */
    static final class Uncompilable extends DeviceKernel {
        @Override
        public void run() {
            n = recurse(n);
        }

        @Override
        boolean hasFloat64() {
            return false;
        }

        @Override
        boolean tiled() {
            return false;
        }

        int recurse(int v) {
            return v <= 0 ? 0 : recurse(v - 1);
        }
    }

    @Test
    void aProgramThatDoesNotCompileIsAnErrorAtCreation() {
        OpenClException e = assertThrows(OpenClException.class,
                () -> Launcher.compile(OpenCl.openClDevices().get(0), new Uncompilable()));
        assertTrue(e.getMessage().contains("failed to compile"), e.getMessage());
    }

    @Test
    void aReleasedBackendRefusesWork() {
        OpenClBackend b = OpenCl.best(OpenClTestSupport.discreteOptions().withArenaMiB(32, 64));
        var x = b.full(Shape.of(2), DType.FLOAT32, 1);
        b.release();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.toFloatArray(x));
        assertEquals("opencl: this backend was released", e.getMessage());
    }
}
