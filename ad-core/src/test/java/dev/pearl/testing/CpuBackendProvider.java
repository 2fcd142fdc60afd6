package dev.pearl.testing;

import dev.pearl.cpu.CpuBackend;
import dev.pearl.tensor.Backend;

import java.util.List;

/** The default test backends: the CPU backend inline (1 thread) and split over 2 threads. */
public final class CpuBackendProvider implements BackendProvider {
    @Override
    public List<Backend> backends() {
        return List.of(new CpuBackend(1), new CpuBackend(2));
    }
}
