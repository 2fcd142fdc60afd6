package dev.pearl.examples.bench;

import dev.pearl.backend.Backend;
import dev.pearl.cpu.CpuBackend;

/** Turns --backend/--threads into a Backend. */
final class BackendOption {
    private BackendOption() {
    }

    static Backend create(String name, int threads) {
        switch (name) {
            case "cpu":
                return new CpuBackend(threads);
            case "opencl":
                throw new IllegalArgumentException("backend 'opencl' is not available in this build; use --backend cpu");
            default:
                throw new IllegalArgumentException("unknown backend '" + name + "' (expected cpu or opencl)");
        }
    }
}
