package dev.pearl.tensor;

/**
 * Makes backends of one kind. Implementations are found with {@link java.util.ServiceLoader}
 * (listed in {@code META-INF/services/dev.pearl.tensor.BackendProvider}), so the tensor layer
 * names no backend: the CPU backend registers itself like any other.
 */
public interface BackendProvider {
    /**
     * The kind's name, e.g. "cpu".
     *
     * @return the name {@link Backends#create(String, int)} selects this provider by
     */
    String name();

    /**
     * A new backend of this kind using at most {@code threads} host threads.
     *
     * @param threads the most host threads it may use, at least 1
     * @return a new backend
     */
    Backend create(int threads);
}
