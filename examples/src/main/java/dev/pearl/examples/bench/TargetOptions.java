package dev.pearl.examples.bench;

import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import picocli.CommandLine.Option;

/** Where and in which dtype a bench runs: --dtype, --threads and --backend. */
final class TargetOptions {
    @Option(names = "--dtype", description = "float32 or float64 (default ${DEFAULT-VALUE}).")
    String dtype = "float32";

    @Option(names = "--threads", description = "CPU threads (default: all processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--backend", description = "cpu, opencl or opencl:<device index or name> (default ${DEFAULT-VALUE}).")
    String backend = "cpu";

    DType dtype() {
        return DType.parse(dtype);
    }

    /** The backend named by --backend (the CPU, with a notice, when OpenCL cannot be had). */
    Backend backend() {
        return BackendOption.create(backend, threads);
    }
}
