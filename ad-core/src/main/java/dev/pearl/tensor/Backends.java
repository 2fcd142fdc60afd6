package dev.pearl.tensor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The process-wide default backend used by {@link Tensor}'s factories, and the backends on the
 * class path, found with {@link ServiceLoader} through their {@link BackendProvider}s.
 */
public final class Backends {
    private static volatile Backend defaultBackend;

    private Backends() {
    }

    /**
     * The default backend: a CPU backend with one thread per available processor unless set.
     *
     * @return the process-wide default, created on first use
     */
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

    /**
     * Replaces the process-wide default backend, for tensors created from then on.
     *
     * @param backend the new default; null makes the next {@link #defaultBackend()} create a CPU backend
     */
    public static void setDefault(Backend backend) {
        defaultBackend = backend;
    }

    /**
     * A new CPU backend with the given number of threads.
     *
     * @param threads the most threads its kernels use, at least 1
     * @return a new CPU backend
     */
    public static Backend cpu(int threads) {
        return create("cpu", threads);
    }

    /**
     * A new backend of the named kind, from the providers the thread's context class loader and
     * Pearl's own class loader see; the error lists the kinds found and any provider that failed to load.
     *
     * @param kind a provider's name, such as "cpu" or "opencl"
     * @param threads the most host threads it may use
     * @return a new backend
     * @throws IllegalArgumentException if no provider of that name is found
     */
    public static Backend create(String kind, int threads) {
        Set<String> known = new LinkedHashSet<>();
        List<String> broken = new ArrayList<>();
        for (ClassLoader loader : loaders()) {
            for (ServiceLoader.Provider<BackendProvider> candidate : ServiceLoader.load(BackendProvider.class, loader).stream().toList()) {
                BackendProvider p;
                try {
                    p = candidate.get();
                } catch (ServiceConfigurationError e) {
                    broken.add(candidate.type().getName() + " (" + e.getMessage() + ")");
                    continue;
                }
                if (p.name().equals(kind)) return p.create(threads);
                known.add(p.name());
            }
        }
        throw new IllegalArgumentException("no backend named '" + kind + "' on the class path (found " + known + ")"
                + (broken.isEmpty() ? "" : "; providers that failed to load: " + broken)
                + "; a jar that bundles Pearl must merge the META-INF/services/" + BackendProvider.class.getName() + " files");
    }

    private static List<ClassLoader> loaders() {
        ClassLoader own = Backends.class.getClassLoader(), context = Thread.currentThread().getContextClassLoader();
        return context == null || context == own ? List.of(own) : List.of(context, own);
    }
}
