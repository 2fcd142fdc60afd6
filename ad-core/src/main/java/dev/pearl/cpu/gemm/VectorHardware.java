package dev.pearl.cpu.gemm;

import java.util.Locale;
import java.util.function.Function;

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
        return of(System.getProperty("os.arch", ""), VectorKernels.preferredBits(), HotSpotFlags::value);
    }

    /**
     * From the facts: os.arch, the preferred species' bits and HotSpot's flags by name (null where
     * the JVM does not have one). Flags are asked only when the width leaves a doubt: 512-bit
     * vectors on x86 are AVX-512 (UseAVX=3, with FMA), and reading flags costs tens of ms.
     */
    static VectorHardware of(String arch, int bits, Function<String, String> flags) {
        switch (arch.toLowerCase(Locale.ROOT)) {
            case "amd64":
            case "x86_64": {
                boolean wide = bits >= 512;
                int avx = wide ? 3 : number(flags.apply("UseAVX"), bits >= 256 ? 2 : 0);
                String name = avx >= 3 ? "avx512" : avx == 2 ? "avx2" : avx == 1 ? "avx" : "sse";
                return new VectorHardware(name, bits, avx >= 3 ? 32 : 16, wide || !"false".equals(flags.apply("UseFMA")));
            }
            case "aarch64": // NEON and SVE both have 32 vector registers
                return new VectorHardware(number(flags.apply("UseSVE"), 0) > 0 ? "sve" : "neon", bits, 32, !"false".equals(flags.apply("UseFMA")));
            default: // an architecture not measured here: assume the smaller register file
                return new VectorHardware(arch.isEmpty() ? "vector" : arch, bits, 16, !"false".equals(flags.apply("UseFMA")));
        }
    }

    private static int number(String flag, int fallback) {
        try {
            return flag == null ? fallback : Integer.parseInt(flag.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public String toString() {
        return isa + " " + bits + "-bit " + registers + " regs" + (fma ? "" : " no-fma");
    }
}
