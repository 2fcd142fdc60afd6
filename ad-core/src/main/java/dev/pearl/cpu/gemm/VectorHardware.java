package dev.pearl.cpu.gemm;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * What the JIT can use for vector code on this CPU and JVM: the instruction set's name, the
 * preferred vector width and the number of vector registers. The width comes from the Vector
 * API; the register count from the architecture and, on x86, from HotSpot's UseAVX (3 means
 * AVX-512 encodings and 32 registers even at 256 bits; 2 or less means 16).
 */
final class VectorHardware {
    final String isa;
    final int bits;
    final int registers;
    /** Whether the JIT emits fused multiply-add; without it a vector fma is emulated lane by lane. */
    final boolean fma;

    VectorHardware(String isa, int bits, int registers, boolean fma) {
        this.isa = isa;
        this.bits = bits;
        this.registers = registers;
        this.fma = fma;
    }

    /** This JVM's; call only with jdk.incubator.vector in the boot layer. */
    static VectorHardware detect() {
        return of(System.getProperty("os.arch", ""), VectorKernels.preferredBits(), HotSpotFlags.intFlag("UseAVX"),
                HotSpotFlags.value("UseFMA"), HotSpotFlags.intFlag("UseSVE"));
    }

    /**
     * From the facts: os.arch, the preferred species' bits and HotSpot's flags (empty or null
     * where the JVM does not have them).
     */
    static VectorHardware of(String arch, int bits, OptionalInt useAvx, String useFma, OptionalInt useSve) {
        boolean fma = !"false".equals(useFma);
        switch (arch.toLowerCase(Locale.ROOT)) {
            case "amd64":
            case "x86_64": {
                int avx = useAvx.orElse(bits >= 512 ? 3 : bits >= 256 ? 2 : 0);
                String name = avx >= 3 ? "avx512" : avx == 2 ? "avx2" : avx == 1 ? "avx" : "sse";
                return new VectorHardware(name, bits, avx >= 3 ? 32 : 16, fma);
            }
            case "aarch64":
                return new VectorHardware(useSve.orElse(0) > 0 ? "sve" : "neon", bits, 32, fma);
            default: // an architecture not measured here: assume the smaller register file
                return new VectorHardware(arch.isEmpty() ? "vector" : arch, bits, 16, fma);
        }
    }

    @Override
    public String toString() {
        return isa + " " + bits + "-bit " + registers + " regs" + (fma ? "" : " no-fma");
    }
}
