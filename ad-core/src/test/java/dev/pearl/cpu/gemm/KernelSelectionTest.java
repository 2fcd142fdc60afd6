package dev.pearl.cpu.gemm;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the kernel shape and block sizes follow from the facts the JVM and the OS report. */
class KernelSelectionTest {
    private static final Map<String, String> NO_FLAGS = Map.of();

    @Test
    void x86RegistersFollowUseAvxNotTheWidth() {
        VectorHardware avx512 = VectorHardware.of("amd64", 512, Map.of("UseAVX", "3", "UseFMA", "true")::get);
        assertEquals("avx512", avx512.isa);
        assertEquals(32, avx512.registers);
        assertEquals("8x3", KernelShape.fitting(avx512.registers).toString());

        VectorHardware forcedAvx2 = VectorHardware.of("amd64", 256, Map.of("UseAVX", "2", "UseFMA", "true")::get);
        assertEquals("avx2", forcedAvx2.isa);
        assertEquals(16, forcedAvx2.registers);
        assertEquals("6x2", KernelShape.fitting(forcedAvx2.registers).toString());

        // AVX-512 encodings at 256 bits (MaxVectorSize=32) still have 32 registers.
        assertEquals(32, VectorHardware.of("x86_64", 256, Map.of("UseAVX", "3")::get).registers);
        // Without HotSpot's flags the width is the only clue.
        assertEquals(32, VectorHardware.of("amd64", 512, NO_FLAGS::get).registers);
        assertEquals(16, VectorHardware.of("amd64", 256, NO_FLAGS::get).registers);
        VectorHardware avx1 = VectorHardware.of("amd64", 256, Map.of("UseAVX", "1", "UseFMA", "false")::get);
        assertEquals("avx", avx1.isa);
        assertFalse(avx1.fma);
    }

    @Test
    void armHasThirtyTwoRegistersOtherArchitecturesAreAssumedToHaveSixteen() {
        VectorHardware neon = VectorHardware.of("aarch64", 128, Map.of("UseSVE", "0")::get);
        assertEquals("neon", neon.isa);
        assertEquals(32, neon.registers);
        assertEquals("sve", VectorHardware.of("aarch64", 512, Map.of("UseSVE", "1")::get).isa);
        assertEquals(16, VectorHardware.of("riscv64", 128, NO_FLAGS::get).registers);
    }

    @Property(tries = 40)
    void fittingShapeNeedsNoMoreRegistersThanThereAre(@ForAll @IntRange(min = 15, max = 64) int registers) {
        assertTrue(KernelShape.fitting(registers).registers() <= registers);
    }

    @Test
    void tooFewRegistersGetTheSmallestShape() {
        KernelShape s = KernelShape.fitting(4);
        for (KernelShape p : KernelShape.PREFERRED) assertTrue(s.registers() <= p.registers());
    }

    @Test
    void shapeParsing() {
        assertEquals(KernelShape.of(6, 2), KernelShape.parse(" 6X2 "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelShape.parse("6by2"));
        assertTrue(e.getMessage().contains("'6by2'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KernelShape.parse("0x2"));
    }

    @Test
    void readsLinuxCacheDirectory(@TempDir Path dir) throws IOException {
        cache(dir, "index0", 1, "Data", "48K", "0");
        cache(dir, "index1", 1, "Instruction", "32K", "0");
        cache(dir, "index2", 2, "Unified", "1024K", "0");
        cache(dir, "index3", 3, "Unified", "32768K", "0-7,16-23");
        CacheSizes c = CacheSizes.read(dir);
        assertEquals("sysfs", c.source);
        assertEquals(48 << 10, c.l1d);
        assertEquals(1 << 20, c.l2);
        assertEquals((32 << 20) / 16, c.l3PerCore);
    }

    @Test
    void missingOrBrokenCacheDirectoryGivesTheDefaults(@TempDir Path dir) throws IOException {
        assertSame(CacheSizes.DEFAULT, CacheSizes.read(dir.resolve("absent")));
        cache(dir, "index0", 1, "Data", "lots", "0");
        assertSame(CacheSizes.DEFAULT, CacheSizes.read(dir));
    }

    private static void cache(Path dir, String index, int level, String type, String size, String shared) throws IOException {
        Path d = Files.createDirectories(dir.resolve(index));
        Files.writeString(d.resolve("level"), level + "\n");
        Files.writeString(d.resolve("type"), type + "\n");
        Files.writeString(d.resolve("size"), size + "\n");
        Files.writeString(d.resolve("shared_cpu_list"), shared + "\n");
    }

    @Property(tries = 200)
    void blocksFitTheCachesTheyAreSizedFor(@ForAll @IntRange(min = 16, max = 128) int l1k, @ForAll @IntRange(min = 128, max = 4096) int l2k,
                                          @ForAll @IntRange(min = 1, max = 64) int l3m, @ForAll boolean doubles,
                                          @ForAll @IntRange(min = 1, max = 16) int mr, @ForAll @IntRange(min = 4, max = 64) int nr) {
        CacheSizes c = new CacheSizes(l1k << 10, l2k << 10, (long) l3m << 20, "test");
        int bytes = doubles ? 8 : 4;
        Blocking b = Blocking.forKernel(c, bytes, mr, nr);
        assertTrue(b.kc >= 128 && b.kc <= 512 && b.kc % 16 == 0, b.toString());
        assertEquals(0, b.mc % mr, b.toString());
        assertEquals(0, b.nc % nr, b.toString());
        // The A block takes at most half of L2 and the B block half of the L3 share, unless one
        // micro-panel alone is larger.
        assertTrue(b.mc == mr || (long) b.mc * b.kc * bytes <= c.l2 / 2, b.toString());
        assertTrue(b.nc == nr || (long) b.nc * b.kc * bytes <= c.l3PerCore / 2, b.toString());
    }

    @Test
    void blockPropertiesOverrideAndBadOnesAreNamed() {
        Blocking b = new Blocking(96, 384, 2048).overriddenBy(Map.of("pearl.gemm.kc", "256")::get);
        assertEquals(256, b.kc);
        assertEquals(96, b.mc);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Blocking(96, 384, 2048).overriddenBy(Map.of("pearl.gemm.nc", "-1")::get));
        assertTrue(e.getMessage().startsWith("pearl.gemm.nc must be a positive integer"), e.getMessage());
    }
}
