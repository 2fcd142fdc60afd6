package dev.pearl.tensor;

/**
 * Makes backends of one kind. Implementations are found with {@link java.util.ServiceLoader}
 * (listed in {@code META-INF/services/dev.pearl.tensor.BackendProvider}), so the tensor layer
 * names no backend: the CPU backend registers itself like any other.
 */
public interface BackendProvider {
    /** The kind's name, e.g. "cpu". */
    String name();

    /** A new backend of this kind using at most {@code threads} host threads. */
    Backend create(int threads);
}
