package dev.pearl.cpu;

import dev.pearl.tensor.Backend;
import dev.pearl.tensor.BackendProvider;

/** Registers the CPU backend under the name "cpu". */
public final class CpuBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public Backend create(int threads) {
        return new CpuBackend(threads);
    }
}
