package dev.pearl.cpu.gemm;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.OptionalInt;

/**
 * Reads the running JVM's own flags (UseAVX, UseFMA, UseSVE): the vector width alone does not
 * say how many vector registers the JIT may use (with {@code -XX:UseAVX=2} an AVX-512 machine
 * gets 16, not 32). Empty on JVMs without HotSpot's diagnostic bean or without the flag.
 */
final class HotSpotFlags {
    private HotSpotFlags() {}

    static OptionalInt intFlag(String name) {
        String v = value(name);
        try {
            return v == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(v));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The flag's value, or null when it is unknown here. */
    static String value(String name) {
        try {
            HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return bean == null ? null : bean.getVMOption(name).getValue();
        } catch (RuntimeException | LinkageError e) { // no such flag on this CPU, or no HotSpot bean
            return null;
        }
    }
}
