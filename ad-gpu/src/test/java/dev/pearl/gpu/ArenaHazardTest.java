package dev.pearl.gpu;

import dev.pearl.backend.BinaryOp;
import dev.pearl.prim.UnaryOp;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Shape;
import org.junit.jupiter.api.Test;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The garbage-collector hazard of Aparapi buffers (see {@link Arena}): with device-resident
 * buffers, data that lives only on the device survives collections, an arena that grows keeps its
 * contents, dead tensors are reclaimed, and a buffer rebuilt from the stale host copy, which is
 * what a moved array causes, is reported instead of read.
 */
class ArenaHazardTest {

    private static float[] values(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextDouble(-1, 1);
        return v;
    }

    @Test
    void testsRunUnderG1WhichDoesNotMoveHumongousArrays() {
        boolean g1 = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).anyMatch(n -> n.startsWith("G1"));
        assertTrue(g1, "surefire runs this module with -XX:+UseG1GC");
    }

    @Test
    void deviceOnlyResultsSurviveCollectionsAndGarbage() {
        OpenClBackend b = OpenClTestSupport.discrete();
        List<DenseTensor> results = new ArrayList<>();
        List<float[]> expected = new ArrayList<>();
        for (int t = 0; t < 40; t++) {
            float[] x = values(1000 + t, t);
            // The result exists only on the device: its range of the host array was never written.
            results.add(b.unary(UnaryOp.NEG, 0, b.fromArray(x, Shape.of(x.length), DType.FLOAT32)));
            float[] neg = new float[x.length];
            for (int i = 0; i < x.length; i++) neg[i] = -x[i];
            expected.add(neg);
        }
        long sink = 0;
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 20_000; i++) sink += new byte[1024 + i % 512].length;
            System.gc();
        }
        assertTrue(sink > 0);
        for (int t = 0; t < results.size(); t++) assertArrayEquals(expected.get(t), b.toFloatArray(results.get(t)));
    }

    @Test
    void anArenaGrowsKeepingItsContentsAndReclaimsDeadTensors() {
        OpenClBackend b = OpenCl.best(OpenClTestSupport.discreteOptions().withArenaMiB(32, 256));
        try {
            int n = 2 << 20; // 8 MiB per float32 tensor
            List<DenseTensor> kept = new ArrayList<>();
            for (int t = 0; t < 6; t++) kept.add(b.full(Shape.of(n), DType.FLOAT32, t));
            TransferStats grown = b.transfers();
            assertTrue(grown.arenaCopies() >= 3, "48 MiB live in a 32 MiB arena needs growth: " + grown);
            for (int t = 0; t < kept.size(); t++) assertEquals(t, b.toFloatArray(kept.get(t))[n - 1]);
            int capacity = b.kernel().arenaF.length;
            kept.clear();
            for (int t = 0; t < 40; t++) b.full(Shape.of(n), DType.FLOAT32, t); // 320 MiB of garbage
            assertEquals(capacity, b.kernel().arenaF.length, "dead tensors were reclaimed instead of growing the arena");
        } finally {
            b.release();
        }
    }

    @Test
    void aBufferRebuiltFromTheStaleHostCopyIsReportedNotRead() {
        OpenClBackend b = OpenCl.best(OpenClTestSupport.discreteOptions().withArenaMiB(32, 64));
        try {
            DenseTensor x = b.fromArray(values(100, 1), Shape.of(100), DType.FLOAT32);
            DenseTensor y = b.binary(BinaryOp.MUL, x, x, x.shape());
            // A moved array makes Aparapi re-create the buffer from the host copy; so does a new array object.
            DeviceKernel k = b.kernel();
            k.arenaF = k.arenaF.clone();
            OpenClException e = assertThrows(OpenClException.class, () -> b.toFloatArray(y));
            assertTrue(e.getMessage().contains("lost its device contents"), e.getMessage());
        } finally {
            b.release();
        }
    }
}
