package dev.pearl.cpu.gemm;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Reads the running JVM's own flags (UseAVX, UseFMA, UseSVE): the vector width alone does not
 * say how many vector registers the JIT may use (with {@code -XX:UseAVX=2} an AVX-512 machine
 * gets 16, not 32).
 */
final class HotSpotFlags {
    private HotSpotFlags() {}

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
