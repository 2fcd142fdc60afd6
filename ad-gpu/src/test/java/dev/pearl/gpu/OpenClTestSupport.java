package dev.pearl.gpu;

import java.util.HashMap;
import java.util.Map;

/**
 * Backends shared by the tests (compiling the device program takes seconds, so each
 * configuration is built once per test JVM) and the rule for machines without OpenCL.
 */
final class OpenClTestSupport {
    /** CI sets this: there, a missing OpenCL device is a failure, not a reason to skip. */
    static final boolean IN_CI = System.getenv("CI") != null;

    private static final Map<OpenClOptions, OpenClBackend> BACKENDS = new HashMap<>();

    private OpenClTestSupport() {
    }

    /**
     * Device-resident buffers even on a CPU device: the host copy of an arena goes stale as on a
     * discrete GPU, so a missing transfer or a lost buffer shows up as a wrong value.
     */
    static OpenClOptions discreteOptions() {
        return OpenClOptions.defaults().withSharedMemory(false);
    }

    static OpenClBackend discrete() {
        return backend(discreteOptions());
    }

    static synchronized OpenClBackend backend(OpenClOptions options) {
        return BACKENDS.computeIfAbsent(options, OpenCl::best);
    }

    /** Why the OpenCL tests are skipped here, or null when they run (OpenCL present, or CI). */
    static String skipReason() {
        if (IN_CI) return null;
        String reason = OpenCl.unavailableReason();
        return reason == null ? null : reason + " (tests skipped; with CI set they fail instead)";
    }
}
