package dev.pearl.gpu;

import dev.pearl.tensor.Backend;
import dev.pearl.tensor.BackendProvider;

/**
 * Registers the OpenCL backend under the name "opencl": {@code Backends.create("opencl", n)} gives
 * the best OpenCL device, or throws {@link OpenClUnavailableException} saying why there is none.
 */
public final class OpenClBackendProvider implements BackendProvider {
    /** The provider, as {@link java.util.ServiceLoader} makes it. */
    public OpenClBackendProvider() {
    }

    @Override
    public String name() {
        return "opencl";
    }

    /** Device kernels manage their own parallelism; the host thread count does not apply. */
    @Override
    public Backend create(int threads) {
        return OpenCl.best();
    }
}
