package dev.pearl;

import dev.pearl.backend.Backend;
import dev.pearl.cpu.CpuBackend;

/** The process-wide default backend used by {@link Tensor}'s factories. */
public final class Backends {
    private static volatile Backend defaultBackend;

    private Backends() {
    }

    /** The default backend: a CPU backend with one thread per available processor unless set. */
    public static Backend defaultBackend() {
        Backend b = defaultBackend;
        if (b == null) {
            synchronized (Backends.class) {
                if (defaultBackend == null) defaultBackend = new CpuBackend(Runtime.getRuntime().availableProcessors());
                b = defaultBackend;
            }
        }
        return b;
    }

    public static void setDefault(Backend backend) {
        defaultBackend = backend;
    }

    /** A new CPU backend with the given number of threads. */
    public static Backend cpu(int threads) {
        return new CpuBackend(threads);
    }
}
