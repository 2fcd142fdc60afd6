package dev.pearl.gpu;

import dev.pearl.tensor.Backend;
import dev.pearl.testing.BackendProvider;

import java.util.List;

/**
 * Runs ad-core's backend-parameterised suite on OpenCL (surefire sets
 * {@code -Dpearl.test.backend} to this class): the best device with device-resident buffers.
 */
public final class OpenClSuiteBackends implements BackendProvider {
    @Override
    public List<Backend> backends() {
        return List.of(OpenClTestSupport.discrete());
    }
}
