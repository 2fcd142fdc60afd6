package dev.pearl.testing;

import dev.pearl.tensor.Backend;

import java.util.List;

/**
 * Supplies the backends the ad-core suite runs on. Another module runs the suite on its own
 * backend by naming an implementation (public, with a no-argument constructor) in the system
 * property {@value TestBackends#PROPERTY}; see {@link TestBackends}.
 */
public interface BackendProvider {
    List<Backend> backends();
}
