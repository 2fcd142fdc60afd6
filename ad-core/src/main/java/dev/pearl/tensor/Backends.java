package dev.pearl.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The process-wide default backend used by {@link Tensor}'s factories, and the backends on the
 * class path, found with {@link ServiceLoader} through their {@link BackendProvider}s.
 */
public final class Backends {
    private static volatile Backend defaultBackend;

    private Backends() {
    }

    /** The default backend: a CPU backend with one thread per available processor unless set. */
    public static Backend defaultBackend() {
        Backend b = defaultBackend;
        if (b == null) {
            synchronized (Backends.class) {
                if (defaultBackend == null) defaultBackend = create("cpu", Runtime.getRuntime().availableProcessors());
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
        return create("cpu", threads);
    }

    /** A new backend of the named kind; the error lists the kinds on the class path. */
    public static Backend create(String kind, int threads) {
        List<String> known = new ArrayList<>();
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class, Backends.class.getClassLoader())) {
            if (p.name().equals(kind)) return p.create(threads);
            known.add(p.name());
        }
        throw new IllegalArgumentException("no backend named '" + kind + "' on the class path (found " + known + ")");
    }
}
